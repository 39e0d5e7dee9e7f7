-- Webhook subscriptions (issue 22.2): capture and dispatch. Triggers on ticket_events and messages
-- turn what happens to tickets into webhook_events rows, in the same transaction as the change (so
-- nothing is lost or invented by a crash), and only for the types some enabled subscription wants
-- (no write amplification without subscribers). The dispatcher (WebhookDispatcher in the api module)
-- turns each event into one delivery per matching subscription and starts its workflow.

-- The one mapping from an audit event kind (TicketEvent.Kind) to webhook event types. Every kind
-- has a decided answer ('{}' = none); a kind not named here answers null, and WebhookCaptureTest,
-- which walks TicketEvent.Kind, fails until someone decides it.
create or replace function webhook_types_of(kind text, changes jsonb) returns text[]
language sql immutable as $$
  select case
    when kind = 'CREATED' then array['ticket.created']
    when kind in ('UPDATED', 'RESUMED_BY_CUSTOMER', 'REOPENED_BY_CUSTOMER', 'PENDING_EXPIRED',
                  'CLOSED_FOR_NO_RESPONSE') then
      array['ticket.updated']
      || case when exists (select 1 from jsonb_array_elements(coalesce(changes, '[]')) c
                           where c ->> 'field' = 'status' and c ->> 'to' = 'CLOSED')
              then array['ticket.closed'] else '{}'::text[] end
      || case when exists (select 1 from jsonb_array_elements(coalesce(changes, '[]')) c
                           where c ->> 'field' = 'assignee')
              then array['ticket.assigned'] else '{}'::text[] end
    when kind = 'SLA_WARNING' then array['sla.warning']
    when kind = 'SLA_BREACHED' then array['sla.breached']
    -- Replies become message.sent once SENT (the messages trigger); notes are internal; the others
    -- are bookkeeping that changes nothing a subscriber sees (ROUTED comes with CREATED).
    when kind in ('REPLIED', 'NOTE_ADDED', 'REPLY_RETRIED', 'REPLY_FAILED',
                  'ACKNOWLEDGEMENT_QUEUED', 'SLA_POLICY_APPLIED', 'AWAITING_REPLY', 'ROUTED') then
      '{}'::text[]
    else null
  end
$$;

-- The ticket as every event's payload shows it (its state right after the change).
create or replace function webhook_ticket_json(ticket bigint) returns jsonb
language sql stable as $$
  select jsonb_build_object(
           'number', t.number,
           'subject', t.subject,
           'status', t.status,
           'priority', t.priority,
           'group', case when g.id is null then null
                         else jsonb_build_object('id', g.id, 'name', g.name) end,
           'assignee', case when a.id is null then null
                            else jsonb_build_object('id', a.id, 'name', a.display_name) end,
           'reporterEmail', c.email,
           'tags', to_jsonb(t.tags))
  from tickets t
  join contacts c on c.id = t.reporter_id
  left join groups g on g.id = t.group_id
  left join agents a on a.id = t.assignee_id
  where t.number = ticket
$$;

-- Whether an enabled subscription wants this type (filters are applied at dispatch).
create or replace function webhook_type_wanted(wanted text) returns boolean
language sql stable as $$
  select exists (select 1 from webhook_subscriptions s
                 where s.enabled and wanted = any (s.event_types))
$$;

create or replace function webhook_capture_ticket_event() returns trigger language plpgsql as $$
declare
  wanted text;
begin
  foreach wanted in array coalesce(webhook_types_of(new.kind, new.changes), '{}') loop
    if webhook_type_wanted(wanted) then
      insert into webhook_events (type, source_key, ticket_number, group_id, priority, payload,
                                  occurred_at)
      select wanted, 'ticket-event:' || new.id || ':' || wanted, t.number, t.group_id, t.priority,
             jsonb_build_object(
               'ticket', webhook_ticket_json(t.number),
               'change', jsonb_build_object(
                 'kind', new.kind,
                 'actor', jsonb_build_object('kind', new.actor_kind, 'id', new.actor_id,
                                             'name', new.actor_name),
                 'comment', new.comment,
                 'changes', new.changes)),
             new.occurred_at
      from tickets t where t.number = new.ticket_number
      on conflict (source_key) do nothing;
    end if;
  end loop;
  return null;
end $$;

create trigger webhook_capture_ticket_event after insert on ticket_events
  for each row execute function webhook_capture_ticket_event();

-- A customer's message (inbound) when it arrives; a public reply when it is SENT. Internal notes
-- never (they are OUTBOUND + INTERNAL).
create or replace function webhook_capture_message() returns trigger language plpgsql as $$
declare
  wanted text;
  happened timestamptz;
begin
  if new.visibility <> 'PUBLIC' then
    return null;
  end if;
  if tg_op = 'INSERT' and new.direction = 'INBOUND' then
    wanted := 'message.received';
    happened := new.occurred_at;
  elsif new.direction = 'OUTBOUND' and new.delivery_status = 'SENT'
        and (tg_op = 'INSERT' or old.delivery_status is distinct from 'SENT') then
    wanted := 'message.sent';
    happened := greatest(new.occurred_at, now());
  else
    return null;
  end if;
  if not webhook_type_wanted(wanted) then
    return null;
  end if;
  insert into webhook_events (type, source_key, ticket_number, group_id, priority, payload,
                              occurred_at)
  select wanted, 'message:' || new.id || ':' || wanted, t.number, t.group_id, t.priority,
         jsonb_build_object(
           'ticket', webhook_ticket_json(t.number),
           'message', jsonb_build_object(
             'id', new.id,
             'direction', new.direction,
             'from', coalesce(new.from_address,
                              (select c.email from contacts c where c.id = new.author_contact_id),
                              (select a.email from agents a where a.id = new.author_agent_id)),
             'subject', new.subject,
             'excerpt', left(new.body_text, 500))),
         happened
  from tickets t where t.number = new.ticket_number
  on conflict (source_key) do nothing;
  return null;
end $$;

create trigger webhook_capture_message after insert or update of delivery_status on messages
  for each row execute function webhook_capture_message();

-- Dispatch bookkeeping: an event the dispatcher could not handle is retried a few times, then set
-- aside (dispatched_at set) with the reason, so one bad event never stops the others.
alter table webhook_events
  add column dispatch_attempts int not null default 0,
  add column dispatch_error    text;

-- When the delivery's workflow was started (null: still to start; the dispatcher starts it).
alter table webhook_deliveries add column started_at timestamptz;
create index webhook_deliveries_unstarted on webhook_deliveries (id) where started_at is null;

-- The workflow id follows from the row's id (WebhookDeliveryWorkflow.workflowId): filled in when
-- the insert leaves it out.
create or replace function webhook_delivery_workflow_id() returns trigger language plpgsql as $$
begin
  if new.workflow_id is null or new.workflow_id = '' then
    new.workflow_id := 'webhook-delivery-' || new.id;
  end if;
  return new;
end $$;

create trigger webhook_delivery_workflow_id before insert on webhook_deliveries
  for each row execute function webhook_delivery_workflow_id();

-- Who allowed a subscription to post to loopback, link-local or private addresses, and when (the
-- SSRF rule's exception is an admin's recorded decision).
alter table webhook_subscriptions
  add column private_network_allowed_by bigint references agents (id) on delete set null,
  add column private_network_allowed_at timestamptz;
