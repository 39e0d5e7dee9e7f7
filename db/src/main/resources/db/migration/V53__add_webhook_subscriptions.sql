-- Webhook subscriptions (issue 22): admins subscribe a URL to event types; every event that matches
-- becomes one delivery, run by a Temporal workflow of its own (WebhookDeliveryWorkflow), whose
-- attempts are logged here for the UI. The secret signs each post (HMAC-SHA256); it must be kept
-- in the clear to sign, and the API shows it only once, when it is made.
create table webhook_subscriptions (
  id                    bigint generated always as identity primary key,
  name                  text        not null check (length(name) between 1 and 80),
  url                   text        not null check (length(url) between 1 and 2000),
  secret                text        not null check (length(secret) between 16 and 200),
  -- ticket.created, ticket.updated, ticket.closed, ticket.assigned, message.received,
  -- message.sent, sla.warning, sla.breached, notification (WebhookEventType in workflows)
  event_types           text[]      not null check (cardinality(event_types) > 0),
  -- Optional filters: empty = every group / priority.
  group_ids             bigint[]    not null default '{}',
  priorities            text[]      not null default '{}',
  enabled               boolean     not null default true,
  -- An admin's explicit permission to post to loopback, link-local or private addresses (SSRF).
  allow_private_network boolean     not null default false,
  -- ENVIRONMENT: made from TEMPODESK_NOTIFY_WEBHOOK_URL at start (the old notification webhook).
  source                text        not null default 'API' check (source in ('API', 'ENVIRONMENT')),
  -- Deliveries that failed for good in a row; reset by any success. Disabled at the limit.
  consecutive_failures  int         not null default 0,
  disabled_at           timestamptz,
  disabled_reason       text,
  created_by            bigint references agents (id),
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
);
create unique index webhook_subscriptions_environment on webhook_subscriptions (source)
  where source = 'ENVIRONMENT';

-- Events as they happen, kept for dispatch and redelivery. payload is the JSON body's "data".
create table webhook_events (
  id              bigint generated always as identity primary key,
  type            text        not null,
  -- What the event came from, so capturing it twice records it once.
  source_key      text        not null unique,
  ticket_number   bigint,
  group_id        bigint,
  priority        text,
  payload         jsonb       not null,
  occurred_at     timestamptz not null,
  created_at      timestamptz not null default now(),
  dispatched_at   timestamptz
);
create index webhook_events_undispatched on webhook_events (id) where dispatched_at is null;

-- One event to one subscription. A redelivery is a new row pointing at the one it repeats.
create table webhook_deliveries (
  id                bigint generated always as identity primary key,
  subscription_id   bigint      not null references webhook_subscriptions (id) on delete cascade,
  event_id          bigint      not null references webhook_events (id) on delete cascade,
  redelivery_of     bigint references webhook_deliveries (id) on delete set null,
  status            text        not null default 'PENDING'
                      check (status in ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED', 'CANCELLED')),
  attempts          int         not null default 0,
  last_status_code  int,
  last_error        text,
  next_attempt_at   timestamptz,
  created_at        timestamptz not null default now(),
  finished_at       timestamptz,
  workflow_id       text        not null
);
create unique index webhook_deliveries_first on webhook_deliveries (subscription_id, event_id)
  where redelivery_of is null;
create index webhook_deliveries_log on webhook_deliveries (subscription_id, id desc);

-- Every attempt of a delivery: what the receiver answered (or why nothing was posted).
create table webhook_attempts (
  id              bigint generated always as identity primary key,
  delivery_id     bigint      not null references webhook_deliveries (id) on delete cascade,
  attempt         int         not null,
  started_at      timestamptz not null,
  duration_ms     int         not null,
  status_code     int,
  -- The first 1,000 characters of the answer's body, or the reason nothing was posted.
  response_excerpt text,
  error           text,
  unique (delivery_id, attempt)
);
