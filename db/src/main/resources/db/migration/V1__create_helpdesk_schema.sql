-- Tempodesk schema v1: the read model of the ticket workflows plus the directory of people.
-- The ticket workflow owns a ticket's state; the tickets row is its projection, written by the
-- workflow's activity with a version guard. Constraints below protect the invariants that the
-- workflow also enforces, so a bug in one place cannot silently corrupt the other.

create table organizations (
  id          bigint generated always as identity primary key,
  name        text        not null,
  domain      text,
  created_at  timestamptz not null default now(),
  constraint organizations_name_unique unique (name),
  constraint organizations_name_not_blank check (btrim(name) <> '')
);

create table assets (
  id               bigint generated always as identity primary key,
  organization_id  bigint      not null references organizations (id),
  name             text        not null,
  kind             text        not null,
  description      text,
  created_at       timestamptz not null default now(),
  constraint assets_name_unique_per_organization unique (organization_id, name),
  constraint assets_name_not_blank check (btrim(name) <> '')
);

create table contacts (
  id               bigint generated always as identity primary key,
  email            text        not null,
  display_name     text        not null,
  organization_id  bigint references organizations (id),
  portal_access    boolean     not null default false,
  created_at       timestamptz not null default now(),
  constraint contacts_email_lowercase check (email = lower(email)),
  constraint contacts_email_shape check (email ~ '^[^@\s]+@[^@\s]+$')
);
create unique index contacts_email_unique on contacts (email);

-- Employees only. Customers are contacts.
create table agents (
  id            bigint generated always as identity primary key,
  email         text        not null,
  display_name  text        not null,
  role          text        not null,
  capacity      integer     not null default 1,
  available     boolean     not null default true,
  active        boolean     not null default true,
  created_at    timestamptz not null default now(),
  constraint agents_role_known check (role in ('ADMIN', 'MANAGER', 'AGENT')),
  constraint agents_capacity_non_negative check (capacity >= 0),
  constraint agents_email_lowercase check (email = lower(email))
);
create unique index agents_email_unique on agents (email);

create table mailboxes (
  id            bigint generated always as identity primary key,
  grant_id      text        not null,
  email         text        not null,
  provider      text,
  created_at    timestamptz not null default now(),
  constraint mailboxes_grant_unique unique (grant_id)
);

create sequence ticket_numbers start with 1001;

create table tickets (
  number               bigint      primary key,
  subject              text        not null,
  status               text        not null,
  priority             text        not null,
  assignee_id          bigint references agents (id),
  reporter_id          bigint      not null references contacts (id),
  organization_id      bigint references organizations (id),
  asset_id             bigint references assets (id),
  channel              text        not null,
  mailbox_id           bigint references mailboxes (id),
  thread_id            text,
  pending_reason       text,
  pending_until        timestamptz,
  resolution           text,
  previous_ticket      bigint references tickets (number),
  created_at           timestamptz not null,
  assigned_at          timestamptz,
  first_response_at    timestamptz,
  closed_at            timestamptz,
  assign_due_at        timestamptz,
  resolve_due_at       timestamptz,
  -- Ordering key of the default list ("most urgent first"): epoch millis of the resolve deadline,
  -- or Long.MAX_VALUE when no clock runs. A plain bigint keeps keyset pagination a row comparison.
  sla_sort_key         bigint      not null default 9223372036854775807,
  version              bigint      not null default 1,
  updated_at           timestamptz not null,
  search_vector        tsvector generated always as (to_tsvector('simple', subject)) stored,
  constraint tickets_status_known check (status in ('NEW', 'OPEN', 'PENDING', 'CLOSED')),
  constraint tickets_priority_known check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  constraint tickets_channel_known check (channel in ('EMAIL', 'PORTAL', 'PHONE', 'AGENT')),
  constraint tickets_pending_reason_known
    check (pending_reason in ('CUSTOMER', 'THIRD_PARTY', 'CHANGE', 'CLOSE')),
  constraint tickets_resolution_known check (resolution in
    ('SOLVED', 'WORKAROUND', 'DUPLICATE', 'NOT_REPRODUCIBLE', 'WONT_FIX', 'NO_RESPONSE')),
  constraint tickets_subject_not_blank check (btrim(subject) <> ''),
  -- Pending fields exist exactly while PENDING; a resolution exactly while CLOSED.
  constraint tickets_pending_only_while_pending check (
    (status = 'PENDING') = (pending_reason is not null and pending_until is not null)
    and (status = 'PENDING' or (pending_reason is null and pending_until is null))),
  constraint tickets_resolution_only_while_closed check (
    (status = 'CLOSED') = (resolution is not null)),
  -- NEW means unassigned; OPEN means assigned.
  constraint tickets_new_is_unassigned check (status <> 'NEW' or assignee_id is null),
  constraint tickets_open_is_assigned check (status <> 'OPEN' or assignee_id is not null),
  constraint tickets_thread_needs_mailbox check (thread_id is null or mailbox_id is not null),
  constraint tickets_version_positive check (version >= 1)
);
-- One ticket per mailbox thread.
create unique index tickets_mailbox_thread_unique on tickets (mailbox_id, thread_id)
  where thread_id is not null;
-- The default list hides CLOSED tickets and sorts by urgency; keyset pagination walks this index.
create index tickets_active_by_urgency on tickets (sla_sort_key, number) where status <> 'CLOSED';
create index tickets_all_by_urgency on tickets (sla_sort_key, number);
create index tickets_assignee_active on tickets (assignee_id, sla_sort_key, number)
  where status <> 'CLOSED';
create index tickets_reporter on tickets (reporter_id, number);
create index tickets_search on tickets using gin (search_vector);

create table messages (
  id                    uuid        primary key,
  ticket_number         bigint      not null references tickets (number),
  mailbox_id            bigint references mailboxes (id),
  provider_message_id   text,
  internet_message_id   text,
  in_reply_to           text,
  direction             text        not null,
  visibility            text        not null default 'PUBLIC',
  author_contact_id     bigint references contacts (id),
  author_agent_id       bigint references agents (id),
  from_address          text,
  subject               text,
  body_text             text,
  body_html             text,
  delivery_status       text,
  delivery_error        text,
  occurred_at           timestamptz not null,
  created_at            timestamptz not null default now(),
  constraint messages_direction_known check (direction in ('INBOUND', 'OUTBOUND')),
  constraint messages_visibility_known check (visibility in ('PUBLIC', 'INTERNAL')),
  constraint messages_internal_never_inbound check (visibility = 'PUBLIC' or direction = 'OUTBOUND'),
  constraint messages_delivery_status_known
    check (delivery_status in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')),
  constraint messages_has_one_author check (
    num_nonnulls(author_contact_id, author_agent_id) <= 1)
);
-- One message per provider id in a mailbox: the email sync upserts on it.
create unique index messages_provider_id_unique on messages (mailbox_id, provider_message_id)
  where provider_message_id is not null;
create index messages_by_ticket on messages (ticket_number, occurred_at, id);
create index messages_by_internet_message_id on messages (internet_message_id)
  where internet_message_id is not null;

-- The audit trail: every change to a ticket with who, when, why and which fields.
create table ticket_events (
  id              uuid        primary key,
  ticket_number   bigint      not null references tickets (number),
  ticket_version  bigint      not null,
  kind            text        not null,
  actor_kind      text        not null,
  actor_id        bigint,
  actor_name      text        not null,
  comment         text,
  changes         jsonb       not null default '[]'::jsonb,
  occurred_at     timestamptz not null,
  constraint ticket_events_actor_kind_known check (actor_kind in ('AGENT', 'CONTACT', 'SYSTEM'))
);
create index ticket_events_by_ticket on ticket_events (ticket_number, occurred_at, id);

create table notifications (
  id                bigint generated always as identity primary key,
  dedupe_key        text        not null,
  recipient_kind    text        not null,
  recipient_id      bigint      not null,
  channel           text        not null,
  ticket_number     bigint references tickets (number),
  event_kind        text        not null,
  title             text        not null,
  body              text,
  status            text        not null default 'PENDING',
  created_at        timestamptz not null default now(),
  read_at           timestamptz,
  constraint notifications_dedupe_unique unique (dedupe_key),
  constraint notifications_recipient_kind_known check (recipient_kind in ('AGENT', 'CONTACT')),
  constraint notifications_channel_known check (channel in ('EMAIL', 'WEBHOOK', 'IN_APP')),
  constraint notifications_status_known check (status in ('PENDING', 'SENT', 'FAILED'))
);
create index notifications_by_recipient on notifications (recipient_kind, recipient_id, id desc);
