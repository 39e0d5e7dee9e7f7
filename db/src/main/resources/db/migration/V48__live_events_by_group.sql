-- Issue 21: agents see their groups' tickets and the tickets assigned to them (README "Groups and
-- visibility"). A live event of a ticket, its messages or its presence now says which group the
-- ticket is in and who is assigned, so each replica decides who may get it without a query per
-- event and stream. When a change moves a ticket out of a group (or away from its assignee), the
-- former group and assignee are kept too: those who saw the ticket learn that it changed (their
-- list drops it), nothing more.
alter table live_events
  add column group_id           bigint,
  add column assignee_id        bigint,
  add column former_group_id    bigint,
  add column former_assignee_id bigint;

create or replace function live_ticket_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, reporter_id, group_id, assignee_id,
                           former_group_id, former_assignee_id)
  values (case tg_op when 'INSERT' then 'ticket.created' else 'ticket.changed' end,
          new.number, new.reporter_id, new.group_id, new.assignee_id,
          case when tg_op = 'UPDATE' and old.group_id is distinct from new.group_id
               then old.group_id end,
          case when tg_op = 'UPDATE' and old.assignee_id is distinct from new.assignee_id
               then old.assignee_id end);
  return null;
end $$;

create or replace function live_message_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, reporter_id, message_id, internal, group_id,
                           assignee_id)
  select case tg_op when 'INSERT' then 'message.added' else 'message.changed' end,
         new.ticket_number, t.reporter_id, new.id, new.visibility = 'INTERNAL', t.group_id,
         t.assignee_id
  from tickets t where t.number = new.ticket_number;
  return null;
end $$;

create or replace function live_attachment_event() returns trigger language plpgsql as $$
begin
  insert into live_events (kind, ticket_number, reporter_id, message_id, internal, group_id,
                           assignee_id)
  select 'message.changed', m.ticket_number, t.reporter_id, m.id, m.visibility = 'INTERNAL',
         t.group_id, t.assignee_id
  from messages m join tickets t on t.number = m.ticket_number
  where m.id = new.message_id;
  return null;
end $$;

create or replace function live_presence_event() returns trigger language plpgsql as $$
declare
  ticket bigint := coalesce(new.ticket_number, old.ticket_number);
begin
  insert into live_events (kind, ticket_number, internal, group_id, assignee_id)
  select 'presence.changed', ticket, true, t.group_id, t.assignee_id
  from (select 1) as one left join tickets t on t.number = ticket;
  return null;
end $$;
