-- Issue 19: a bulk action may apply a macro to every selected ticket (its change, reply and note,
-- as the one-step apply does) instead of, or besides, a plain change. Null: no macro.
alter table bulk_actions add column macro_id bigint references macros (id);
