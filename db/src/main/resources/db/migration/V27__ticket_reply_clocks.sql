-- Issue 18: the first-response and next-reply clocks of a ticket (same shape as the assign and
-- resolve clocks of V1/V3: a running clock is its deadline, a paused one the time it had left, in
-- business milliseconds), since when a customer message waits for a reply, and a copy of the SLA
-- policy and calendar the workflow applies (sla_applied), so that the reconciler can re-create a
-- workflow with its policy and the API can count remaining business time. Null on tickets from
-- before policies, and a clock is null when the policy sets no target for its metric.
alter table tickets
  add column sla_applied                 jsonb,
  add column first_response_due_at       timestamptz,
  add column first_response_target_ms    bigint,
  add column first_response_remaining_ms bigint,
  add column first_response_warned       boolean not null default false,
  add column first_response_breached     boolean not null default false,
  add column next_reply_due_at           timestamptz,
  add column next_reply_target_ms        bigint,
  add column next_reply_remaining_ms     bigint,
  add column next_reply_warned           boolean not null default false,
  add column next_reply_breached         boolean not null default false,
  add column awaiting_reply_since        timestamptz,
  add constraint tickets_first_response_clock_one_form
    check (first_response_due_at is null or first_response_remaining_ms is null),
  add constraint tickets_next_reply_clock_one_form
    check (next_reply_due_at is null or next_reply_remaining_ms is null);
