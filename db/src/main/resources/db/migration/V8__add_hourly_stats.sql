-- Statistics (DESIGN.md section 4): the hourly stats workflow stores the figures of each completed
-- hour here. A bucket is rewritten as a whole (delete + insert in one transaction), so computing an
-- hour twice, after a retry or a backfill, leaves exactly what computing it once would.

create table stats_hours (
  bucket_start               timestamptz primary key,
  created                    integer     not null,
  closed                     integer     not null,
  -- Sums and counts rather than averages, so that any range of hours averages exactly.
  first_responses            integer     not null,
  first_response_ms_total    bigint      not null,
  resolution_ms_total        bigint      not null,
  sla_met                    integer     not null,
  most_efficient_agent_id    bigint references agents (id),
  computed_at                timestamptz not null,
  constraint stats_hours_on_the_hour check (date_trunc('hour', bucket_start) = bucket_start),
  constraint stats_hours_counts_non_negative
    check (created >= 0 and closed >= 0 and first_responses >= 0 and sla_met between 0 and closed)
);

-- One row per closing in an hour: the facts behind the per-agent figures. Medians cannot be
-- combined from hourly medians, so the per-agent figures of any range are computed from these rows.
create table stats_closings (
  event_id        uuid        primary key references ticket_events (id),
  bucket_start    timestamptz not null references stats_hours (bucket_start) on delete cascade,
  ticket_number   bigint      not null references tickets (number),
  agent_id        bigint references agents (id),
  closed_at       timestamptz not null,
  -- Time from creation to this closing while the ticket was NEW or OPEN: PENDING time and time
  -- spent closed before a reopening do not count.
  resolution_ms   bigint      not null,
  sla_met         boolean     not null,
  constraint stats_closings_resolution_non_negative check (resolution_ms >= 0)
);
create index stats_closings_by_bucket on stats_closings (bucket_start, agent_id);

-- Each hour's computation looks events, creations and first responses up by time; without these
-- a backfill over a long outage would scan the tables once per hour.
create index ticket_events_by_time on ticket_events (occurred_at);
create index tickets_by_created_at on tickets (created_at);
create index tickets_by_first_response_at on tickets (first_response_at)
  where first_response_at is not null;
