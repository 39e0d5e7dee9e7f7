-- Issue 20: who else has a ticket open. Each open ticket page of an agent keeps one row alive with
-- a heartbeat (VIEWING, or TYPING while a reply is being written); a row whose expires_at has
-- passed means the page is gone (closed without saying so) and is ignored by every read, then
-- deleted by the next heartbeat of anyone. In Postgres, so every replica sees the same people.
create table ticket_presence (
  ticket_number  bigint      not null references tickets (number) on delete cascade,
  agent_id       bigint      not null references agents (id) on delete cascade,
  state          text        not null,
  since          timestamptz not null default now(),
  expires_at     timestamptz not null,
  primary key (ticket_number, agent_id),
  constraint ticket_presence_state_known check (state in ('VIEWING', 'TYPING'))
);
create index ticket_presence_by_expiry on ticket_presence (expires_at);

-- A presence change goes on the live stream, staff only (internal, no reporter): someone arrives,
-- starts or stops writing, leaves; a heartbeat that only extends a live row changes nothing.
alter table live_events drop constraint live_events_kind_known;
alter table live_events add constraint live_events_kind_known check (kind in ('ticket.created',
  'ticket.changed', 'message.added', 'message.changed', 'notification.created',
  'notification.read', 'presence.changed'));

create function live_presence_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, internal)
  values ('presence.changed', coalesce(new.ticket_number, old.ticket_number), true);
  return null;
end $$;
create trigger ticket_presence_live_insert after insert on ticket_presence
  for each row execute function live_presence_event();
create trigger ticket_presence_live_update after update on ticket_presence
  for each row when (old.state is distinct from new.state or old.expires_at <= now())
  execute function live_presence_event();
-- An expired row being cleaned up was already gone for every reader: no event.
create trigger ticket_presence_live_delete after delete on ticket_presence
  for each row when (old.expires_at > now()) execute function live_presence_event();
