-- SLA clocks of the ticket workflow (DESIGN.md section 4), projected so that the list can show
-- them and the reconciler can re-create a workflow with its clocks. A running clock is its
-- deadline (assign_due_at / resolve_due_at from V1); a paused one is the time it had left. A null
-- target means the workflow has not started the clock yet (rows written before SLAs existed).
-- Milliseconds, not seconds: the workflow pauses a clock at millisecond precision and a round
-- trip through the row must not move the deadline.

alter table tickets
  add column assign_target_ms      bigint,
  add column assign_remaining_ms   bigint,
  add column assign_warned         boolean not null default false,
  add column assign_breached       boolean not null default false,
  add column resolve_target_ms     bigint,
  add column resolve_remaining_ms  bigint,
  add column resolve_warned        boolean not null default false,
  add column resolve_breached      boolean not null default false,
  -- A clock runs or is paused, never both.
  add constraint tickets_assign_clock_one_form
    check (assign_due_at is null or assign_remaining_ms is null),
  add constraint tickets_resolve_clock_one_form
    check (resolve_due_at is null or resolve_remaining_ms is null);

comment on column tickets.assign_remaining_ms is
  'Time left on the paused assign clock (PENDING or CLOSED before assignment); negative if overdue.';
comment on column tickets.resolve_remaining_ms is
  'Time left on the paused resolve clock (PENDING or CLOSED); a reopened ticket resumes from it.';
