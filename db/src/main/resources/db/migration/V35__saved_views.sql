-- Issue 19: saved views, named ticket-list filters shown in the list's left rail with live counts.
-- params is a TicketListParams as JSON: the query parameters of GET /api/tickets, so a view's URL
-- and its stored form are one thing. A view without owner is shared (written by admins and
-- managers, seen by all staff); a personal view is seen by its owner only.
create table saved_views (
  id          bigint generated always as identity primary key,
  name        text        not null check (length(name) between 1 and 80),
  params      jsonb       not null default '{}',
  owner_id    bigint      references agents (id) on delete cascade,
  position    integer     not null default 0,
  created_by  bigint      references agents (id) on delete set null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index saved_views_by_owner on saved_views (owner_id, position, id);

-- The three shared views of a new install (the issue's examples).
insert into saved_views (name, params, position) values
  ('My open', '{"mine": true}', 1),
  ('Unassigned urgent', '{"unassigned": true, "priority": ["URGENT"]}', 2),
  ('Waiting on customer > 2 days',
   '{"status": ["PENDING"], "pendingReason": ["CUSTOMER"], "idleFor": "P2D"}', 3);

-- The rail counts every view on each refresh (capped at 1,000 rows). These keep the seeded views'
-- counts off a scan of every active ticket: unassigned by priority, and pending by reason and age.
create index tickets_unassigned_active on tickets (priority, sla_sort_key, number)
  where assignee_id is null and status <> 'CLOSED';
create index tickets_pending_by_reason on tickets (pending_reason, updated_at)
  where status = 'PENDING';
