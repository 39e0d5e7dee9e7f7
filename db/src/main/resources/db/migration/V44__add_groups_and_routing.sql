-- Issue 21: groups (a team's queues), their members and managers, agents' skills, the group every
-- ticket belongs to, and the routing rules that pick it when a ticket is created.
--
-- One group is the default: tickets no rule routes elsewhere land there, and every ticket that
-- existed before groups belongs to it. Every agent starts as a member of it (managers and admins as
-- its managers), so a team that never opens the groups page works exactly as before.
create table groups (
  id                     bigserial   primary key,
  name                   text        not null,
  description            text,
  -- The SLA policy for the group's tickets; null: the policies' own first match decides.
  default_sla_policy_id  bigint      references sla_policies (id) on delete set null,
  -- How long a ticket that asks for skills waits for a skilled member before any member may take
  -- it (Zendesk's fallback). 0: skills only order the choice, never hold a ticket back.
  skill_wait_seconds     integer     not null default 600,
  is_default             boolean     not null default false,
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  constraint groups_name_not_blank check (length(btrim(name)) > 0),
  constraint groups_skill_wait_non_negative check (skill_wait_seconds >= 0)
);
create unique index groups_name_unique on groups (lower(name));
create unique index groups_one_default on groups (is_default) where is_default;

insert into groups (name, description, is_default)
values ('Support', 'Every ticket no routing rule sends elsewhere.', true);

-- An agent may be in several groups; manager = may move the group's tickets and gets its notices.
create table group_members (
  group_id  bigint  not null references groups (id) on delete cascade,
  agent_id  bigint  not null references agents (id) on delete cascade,
  manager   boolean not null default false,
  primary key (group_id, agent_id)
);
create index group_members_agent on group_members (agent_id);

-- A new agent joins the default group (managers and admins as its managers), whichever way it is
-- created (the API, the demo, the admin bootstrap); an admin then moves it where it belongs.
create function join_default_group() returns trigger
  language plpgsql
  as $$
begin
  insert into group_members (group_id, agent_id, manager)
  select g.id, new.id, new.role in ('MANAGER', 'ADMIN') from groups g where g.is_default
  on conflict do nothing;
  return new;
end
$$;
create trigger agents_join_default_group after insert on agents
  for each row execute function join_default_group();

insert into group_members (group_id, agent_id, manager)
select g.id, a.id, a.role in ('MANAGER', 'ADMIN')
from groups g cross join agents a
where g.is_default;

-- Skills are tags on agents: a ticket's tags that are some member's skills narrow the choice.
alter table agents add column skills text[] not null default '{}';

-- The default group's id, for rows written without one (old code paths, the demo, tests).
create function default_group_id() returns bigint
  language sql stable
  as $$ select id from groups where is_default $$;

alter table tickets add column group_id bigint references groups (id) on delete restrict;
update tickets set group_id = default_group_id();
alter table tickets alter column group_id set default default_group_id();
alter table tickets alter column group_id set not null;
create index tickets_group on tickets (group_id, number);

-- Routing rules (admins): the first enabled rule by position whose conditions all hold sends a new
-- ticket to its group, optionally setting a priority and adding tags. A condition left null (or an
-- empty keyword list) asks nothing. position is unique and deferrable so reordering can swap.
create table routing_rules (
  id               bigserial   primary key,
  name             text        not null,
  position         integer     not null,
  enabled          boolean     not null default true,
  mailbox_id       bigint      references mailboxes (id) on delete cascade,
  -- lower-case address the mail was sent to (To or Cc), e.g. billing@acme.example
  recipient        text,
  organization_id  bigint      references organizations (id) on delete cascade,
  -- any of these words or phrases in the subject or the first message (case-insensitive)
  keywords         text[]      not null default '{}',
  channel          text,
  group_id         bigint      not null references groups (id) on delete cascade,
  set_priority     text,
  add_tags         text[]      not null default '{}',
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  constraint routing_rules_name_not_blank check (length(btrim(name)) > 0),
  constraint routing_rules_position_unique unique (position) deferrable initially immediate,
  constraint routing_rules_recipient_lowercase check (recipient = lower(recipient)),
  constraint routing_rules_channel_known
    check (channel in ('EMAIL', 'PORTAL', 'PHONE', 'AGENT')),
  constraint routing_rules_priority_known
    check (set_priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT'))
);
create index routing_rules_group on routing_rules (group_id);
