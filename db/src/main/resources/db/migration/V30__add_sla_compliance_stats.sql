-- SLA compliance per metric (issue 18): one row per metric instance of a ticket, in the hour it is
-- counted. An instance is counted in the hour it was fulfilled (the first response, a next reply,
-- a closing, the first assignment), met unless an SLA_BREACHED event of its metric came first; an
-- instance that breached and is not fulfilled is counted, breached, in the hour of the breach.
-- When such an instance is fulfilled later, computing the hour of its fulfilment moves its row
-- there (the key is the instance), so it is counted once. Rows of an hour are rewritten with the
-- hour (delete + insert, cascading from stats_hours), like stats_closings.
create table stats_sla_outcomes (
  ticket_number  bigint      not null references tickets (number),
  metric         text        not null,
  -- Which instance of the metric on the ticket: 0 for the first response and the assignment; for
  -- next replies the number of agent replies before the one answering; for resolution the number
  -- of earlier closings.
  cycle          integer     not null,
  bucket_start   timestamptz not null references stats_hours (bucket_start) on delete cascade,
  -- The fulfilling agent (replier, closer, assigner), or the assignee at the breach when the
  -- instance is not fulfilled; null when there is none.
  agent_id       bigint references agents (id),
  counted_at     timestamptz not null,
  fulfilled      boolean     not null,
  met            boolean     not null,
  primary key (ticket_number, metric, cycle),
  constraint stats_sla_outcomes_metric_known
    check (metric in ('TIME_TO_ASSIGN', 'FIRST_RESPONSE', 'NEXT_REPLY', 'RESOLUTION')),
  constraint stats_sla_outcomes_cycle_non_negative check (cycle >= 0),
  constraint stats_sla_outcomes_unfulfilled_is_breached check (fulfilled or not met)
);
create index stats_sla_outcomes_by_bucket on stats_sla_outcomes (bucket_start, metric, agent_id);
