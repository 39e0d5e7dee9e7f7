-- Notification delivery (DESIGN.md section 4, "Notifications"). A row per (event, recipient,
-- channel), made unique by its dedupe key in V1, is both the in-app feed and the outbox of the
-- external channels: the activity sends the PENDING/FAILED rows of a notice and marks them SENT.
-- The rate limit lives here too (notification_rate_windows), so it holds across any number of app
-- replicas.

alter table notifications
  add column attempts     integer     not null default 0,
  add column last_error   text,
  add column sent_at      timestamptz,
  -- The address or URL it went to, as resolved when it was recorded.
  add column destination  text,
  drop constraint notifications_status_known,
  add constraint notifications_status_known
    check (status in ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
  add constraint notifications_attempts_non_negative check (attempts >= 0);

comment on column notifications.status is
  'SUPPRESSED: over the recipient''s rate limit for an external channel, kept as a record only.';

create index notifications_unread on notifications (recipient_kind, recipient_id)
  where channel = 'IN_APP' and read_at is null;

-- Customers whose open tickets are above the limit and whose managers were told: a row exists
-- from the crossing until the count falls back, so each crossing notifies once.
create table customer_load_alerts (
  contact_id  bigint      primary key references contacts (id),
  notice_id   text        not null,
  raised_at   timestamptz not null default now()
);

-- The per-person rate limit of the external channels: how many email (or webhook) notifications a
-- person was sent in each one-minute window. One upsert takes a slot atomically, without a lock
-- held across statements, so a storm for one manager does not serialise the other writes.
create table notification_rate_windows (
  recipient_kind  text        not null,
  recipient_id    bigint      not null,
  channel         text        not null,
  window_start    timestamptz not null,
  taken           integer     not null,
  constraint notification_rate_windows_pk
    primary key (recipient_kind, recipient_id, channel, window_start),
  constraint notification_rate_windows_channel_external check (channel in ('EMAIL', 'WEBHOOK'))
);
