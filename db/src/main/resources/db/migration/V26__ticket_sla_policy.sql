-- Which SLA policy and business calendar govern a ticket (issue 18), as its workflow last applied
-- them; null on tickets from before policies. Editing a policy or calendar re-evaluates the live
-- tickets they govern, found through these columns.
alter table tickets add column sla_policy_id bigint;
alter table tickets add column sla_calendar_id bigint;
create index tickets_sla_policy on tickets (sla_policy_id) where status <> 'CLOSED';
create index tickets_sla_calendar on tickets (sla_calendar_id) where status <> 'CLOSED';
