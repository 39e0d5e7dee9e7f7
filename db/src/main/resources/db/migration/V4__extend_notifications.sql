-- Notification delivery (DESIGN.md section 4, "Notifications"). A row per (event, recipient,
-- channel), made unique by its dedupe key in V1, is both the in-app feed and the outbox of the
-- external channels: the activity sends the PENDING/FAILED rows of a notice and marks them SENT.
-- The rate limit counts these rows too, so it holds across any number of app replicas.

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

-- The rate limit's window query: a recipient's recent external notifications that counted.
create index notifications_rate_window on notifications (recipient_kind, recipient_id, channel, created_at)
  where channel <> 'IN_APP' and status <> 'SUPPRESSED';
create index notifications_unread on notifications (recipient_kind, recipient_id)
  where channel = 'IN_APP' and read_at is null;

-- Customers whose open tickets are above the limit and whose managers were told: a row exists
-- from the crossing until the count falls back, so each crossing notifies once.
create table customer_load_alerts (
  contact_id  bigint      primary key references contacts (id),
  notice_id   text        not null,
  raised_at   timestamptz not null default now()
);
