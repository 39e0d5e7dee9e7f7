-- SLA policies (issue 18): an ordered list, the first policy by position whose conditions a ticket
-- meets governs it (dev.tempodesk.workflows.ticket.SlaPolicyRules checks every rule; the table only
-- keeps the shape). As the API shows them:
--   conditions {"organizationIds": [7], "priorities": ["HIGH"], "channels": ["EMAIL"], "mailboxIds": []}
--              (a list left empty asks nothing; all given must hold)
--   targets    {"HIGH": {"FIRST_RESPONSE": "PT1H", "RESOLUTION": "PT8H"}, ...}  (ISO-8601, each optional)
--   pauses     {"RESOLUTION": ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"], ...}  (pending reasons)
-- position is unique; deferrable so that reordering can swap positions in one statement.
-- A calendar in use cannot be deleted.
create table sla_policies (
  id           bigserial   primary key,
  name         text        not null,
  position     integer     not null,
  calendar_id  bigint      not null references business_calendars (id) on delete restrict,
  conditions   jsonb       not null default '{}',
  targets      jsonb       not null default '{}',
  pauses       jsonb       not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint sla_policies_name_unique unique (name),
  constraint sla_policies_position_unique unique (position) deferrable initially immediate,
  constraint sla_policies_name_not_blank check (length(btrim(name)) > 0),
  constraint sla_policies_conditions_is_object check (jsonb_typeof(conditions) = 'object'),
  constraint sla_policies_targets_is_object check (jsonb_typeof(targets) = 'object'),
  constraint sla_policies_pauses_is_object check (jsonb_typeof(pauses) = 'object')
);
create index sla_policies_calendar on sla_policies (calendar_id);

-- Today's defaults (SlaPolicy.defaults()) on the built-in 24x7 calendar, matching every ticket.
insert into sla_policies (name, position, calendar_id, targets, pauses)
select 'Default', 1, id,
  '{"LOW":    {"TIME_TO_ASSIGN": "PT8H",  "RESOLUTION": "PT72H"},
    "NORMAL": {"TIME_TO_ASSIGN": "PT4H",  "RESOLUTION": "PT24H"},
    "HIGH":   {"TIME_TO_ASSIGN": "PT1H",  "RESOLUTION": "PT8H"},
    "URGENT": {"TIME_TO_ASSIGN": "PT15M", "RESOLUTION": "PT4H"}}',
  '{"TIME_TO_ASSIGN": ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"],
    "FIRST_RESPONSE": ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"],
    "NEXT_REPLY":     ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"],
    "RESOLUTION":     ["CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE"]}'
from business_calendars where built_in;
