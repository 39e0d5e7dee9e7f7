-- Issue 19: bulk actions. One row per action (who, the change as PATCH JSON, the comment, how the
-- tickets were chosen), one row per selected ticket with its outcome once the BulkActionWorkflow
-- applied or refused it. A ticket with an outcome is never changed again by a retried activity;
-- attempt_version is the ticket's version when the change was tried, so a retry after an apply
-- whose outcome was not yet written recognizes its own change instead of making it twice.
create table bulk_actions (
  id               bigint generated always as identity primary key,
  agent_id         bigint      not null references agents (id),
  comment          text        not null,
  changes          jsonb       not null,
  selection        jsonb       not null,
  idempotency_key  text,
  total            integer     not null,
  created_at       timestamptz not null default now(),
  finished_at      timestamptz,
  constraint bulk_actions_comment_not_blank check (btrim(comment) <> ''),
  constraint bulk_actions_total_positive check (total >= 1)
);
create unique index bulk_actions_idempotency on bulk_actions (agent_id, idempotency_key)
  where idempotency_key is not null;

create table bulk_action_tickets (
  action_id        bigint      not null references bulk_actions (id) on delete cascade,
  ticket_number    bigint      not null references tickets (number),
  outcome          text,
  reason           text,
  field            text,
  attempt_version  bigint,
  decided_at       timestamptz,
  primary key (action_id, ticket_number),
  constraint bulk_action_tickets_outcome_known check (outcome in ('APPLIED', 'REFUSED')),
  constraint bulk_action_tickets_refusal_has_reason check (
    (outcome = 'REFUSED') = (reason is not null))
);
-- The progress page lists refusals first.
create index bulk_action_tickets_refused on bulk_action_tickets (action_id, ticket_number)
  where outcome = 'REFUSED';
