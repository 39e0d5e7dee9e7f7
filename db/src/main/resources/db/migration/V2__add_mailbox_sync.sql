-- Email: connected mailboxes keep their sync position, every thread maps to the ticket it feeds,
-- skipped mail is recorded with its reason, and webhook notifications are de-duplicated.

alter table mailboxes
  add column display_name    text,
  add column active          boolean     not null default true,
  add column sync_cursor     bigint,
  add column last_synced_at  timestamptz;

comment on column mailboxes.sync_cursor is
  'Unix seconds of the newest message the sync has fully processed; the next pass lists from a little before it.';

-- A thread feeds exactly one ticket at a time. A follow-up ticket (mail on a ticket closed beyond
-- its reopen window) takes the thread over, so the mapping lives here, not on the ticket.
drop index tickets_mailbox_thread_unique;
create index tickets_mailbox_thread on tickets (mailbox_id, thread_id) where thread_id is not null;

create table mailbox_threads (
  mailbox_id     bigint      not null references mailboxes (id),
  thread_id      text        not null,
  ticket_number  bigint      not null references tickets (number),
  updated_at     timestamptz not null default now(),
  constraint mailbox_threads_pk primary key (mailbox_id, thread_id)
);

alter table messages
  add column references_header text,
  add column to_addresses      text,
  add column cc_addresses      text,
  -- Set once the ticket workflow has been told about the message; until then every pass that
  -- lists the message tells it again (the workflow ignores repeats).
  add column signalled_at      timestamptz;

create table skipped_messages (
  mailbox_id           bigint      not null references mailboxes (id),
  provider_message_id  text        not null,
  reason               text        not null,
  from_address         text,
  subject              text,
  received_at          timestamptz,
  recorded_at          timestamptz not null default now(),
  constraint skipped_messages_pk primary key (mailbox_id, provider_message_id),
  constraint skipped_messages_reason_known check (reason in
    ('DRAFT', 'OWN_SENT', 'AUTO_REPLY', 'BOUNCE', 'BULK', 'MAILING_LIST', 'NO_SENDER', 'LOOP'))
);

create table webhook_notifications (
  id           text        primary key,
  received_at  timestamptz not null default now()
);
