-- Issue 20: live updates. Every write of the read model that a screen shows (a ticket created or
-- changed, a message added or changed, an in-app notification created or read) leaves a small
-- event here, and the row's insert notifies channel tempodesk_live with the row as JSON. Each
-- replica LISTENs on one connection and fans the events out to its GET /api/stream clients; the
-- bigserial id is the stream's event id, and the rows are kept a few minutes (the app prunes them)
-- so a client that reconnects with Last-Event-ID gets what it missed from any replica.
-- NOTIFY is sent at commit, so a rolled-back write notifies nobody.
create table live_events (
  id               bigserial   primary key,
  kind             text        not null,
  ticket_number    bigint,
  -- The ticket's customer: besides staff, the only person who may see a ticket event.
  reporter_id      bigint,
  message_id       uuid,
  -- An internal note: staff only.
  internal         boolean     not null default false,
  notification_id  bigint,
  -- A notification's recipient: the only person who sees it.
  recipient_kind   text,
  recipient_id     bigint,
  created_at       timestamptz not null default now(),
  constraint live_events_kind_known check (kind in ('ticket.created', 'ticket.changed',
    'message.added', 'message.changed', 'notification.created', 'notification.read'))
);
create index live_events_by_time on live_events (created_at);

create function live_events_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('tempodesk_live', row_to_json(new)::text);
  return null;
end $$;
create trigger live_events_notify after insert on live_events
  for each row execute function live_events_notify();

create function live_ticket_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, reporter_id)
  values (case tg_op when 'INSERT' then 'ticket.created' else 'ticket.changed' end,
          new.number, new.reporter_id);
  return null;
end $$;
create trigger tickets_live_insert after insert on tickets
  for each row execute function live_ticket_event();
create trigger tickets_live_update after update on tickets
  for each row when (old.* is distinct from new.*) execute function live_ticket_event();

create function live_message_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, reporter_id, message_id, internal)
  select case tg_op when 'INSERT' then 'message.added' else 'message.changed' end,
         new.ticket_number, t.reporter_id, new.id, new.visibility = 'INTERNAL'
  from tickets t where t.number = new.ticket_number;
  return null;
end $$;
create trigger messages_live_insert after insert on messages
  for each row execute function live_message_event();
create trigger messages_live_update after update on messages
  for each row when (old.* is distinct from new.*) execute function live_message_event();

-- Only the in-app feed: email and webhook deliveries are not on any screen.
create function live_notification_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, notification_id, recipient_kind, recipient_id)
  values (case tg_op when 'INSERT' then 'notification.created' else 'notification.read' end,
          new.ticket_number, new.id, new.recipient_kind, new.recipient_id);
  return null;
end $$;
create trigger notifications_live_insert after insert on notifications
  for each row when (new.channel = 'IN_APP') execute function live_notification_event();
create trigger notifications_live_read after update of read_at on notifications
  for each row when (new.channel = 'IN_APP' and old.read_at is distinct from new.read_at)
  execute function live_notification_event();

-- A message's file stored, failed or refused in the background: the thread shows its state.
create function live_attachment_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, reporter_id, message_id, internal)
  select 'message.changed', m.ticket_number, t.reporter_id, m.id, m.visibility = 'INTERNAL'
  from messages m join tickets t on t.number = m.ticket_number
  where m.id = new.message_id;
  return null;
end $$;
create trigger attachments_live_state after update of state on attachments
  for each row when (old.state is distinct from new.state)
  execute function live_attachment_event();
