-- Auto-assignment (DESIGN.md §4): reservations that make capacity safe under concurrency, and the
-- moment each agent became idle, which orders the agents ("longest idle first").

-- Idle since: the last time the agent's workload changed — a ticket taken (by hand or
-- automatically) or given up (closed, unassigned, reassigned) — or the agent was added or made
-- available again. For an agent with free capacity this is how long they have been waiting for
-- work; an agent coming back from unavailability queues up behind those already waiting.
alter table agents add column idle_since timestamptz not null default now();

comment on column agents.idle_since is
  'Last time the agent took or gave up a ticket, was added, or was made available (maintained by triggers).';

-- A reservation exists from the moment the assigner picks an agent for a waiting ticket until the
-- ticket workflow has accepted (or refused) the assignment. Capacity counts a reservation like an
-- assigned ticket, so a decision is never made twice while the first one is still on its way.
create table assignment_reservations (
  ticket_number     bigint      primary key references tickets (number),
  agent_id          bigint      not null references agents (id),
  -- The ticket version the assignment expects; the ticket workflow refuses it once the ticket has
  -- changed, so a late or repeated attempt can never apply twice.
  expected_version  bigint      not null,
  reserved_at       timestamptz not null default now()
);
create index assignment_reservations_agent on assignment_reservations (agent_id);

-- The waiting queue: unassigned NEW tickets. Partial, so it stays as small as the queue.
create index tickets_waiting on tickets (priority, resolve_due_at) where status = 'NEW';
-- An agent's load: tickets they hold that are not closed.
create index tickets_held on tickets (assignee_id) where status <> 'CLOSED';

create function tickets_track_idle_agents() returns trigger language plpgsql as $$
declare
  held_before bigint := null;
  held_after  bigint := null;
begin
  if tg_op = 'UPDATE' and old.status <> 'CLOSED' then
    held_before := old.assignee_id;
  end if;
  if new.status <> 'CLOSED' then
    held_after := new.assignee_id;
  end if;
  if held_before is not distinct from held_after then
    return null;
  end if;
  update agents set idle_since = new.updated_at
   where id in (held_before, held_after) and idle_since < new.updated_at;
  return null;
end $$;

create trigger tickets_track_idle_agents
  after insert or update of assignee_id, status on tickets
  for each row execute function tickets_track_idle_agents();

create function agents_idle_when_available() returns trigger language plpgsql as $$
begin
  if (new.available and new.active) and not (old.available and old.active) then
    new.idle_since := now();
  end if;
  return new;
end $$;

create trigger agents_idle_when_available
  before update of available, active on agents
  for each row execute function agents_idle_when_available();
