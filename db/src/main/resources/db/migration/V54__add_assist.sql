-- Assist (issue 23): what the language model suggested for a ticket, kept with the model that
-- answered and when, so the ticket page shows the latest of each kind and the audit can tell a
-- suggestion from a person's work. content is the suggestion as the API shows it (a summary's or a
-- draft's text, a triage's priority/tags/group/reason), already checked.
create table assist_results (
  id                bigint generated always as identity primary key,
  ticket_number     bigint      not null references tickets (number),
  kind              text        not null check (kind in ('SUMMARY', 'DRAFT', 'TRIAGE')),
  content           jsonb       not null,
  model             text        not null,
  created_at        timestamptz not null default now(),
  messages_covered  int         not null check (messages_covered >= 0),
  -- null: started by Tempodesk itself (triage on arrival, summary refresh)
  requested_by      bigint references agents (id),
  -- a triage suggestion applied (by an agent's click or automatically), null until then
  applied_at        timestamptz,
  applied_by        bigint references agents (id)
);

create index assist_results_latest on assist_results (ticket_number, kind, id desc);

-- The admin's run-time switch: one row. Off behaves exactly like no provider configured.
create table assist_settings (
  id                 int         primary key default 1 check (id = 1),
  enabled            boolean     not null default true,
  auto_apply_triage  boolean     not null default false,
  updated_at         timestamptz not null default now(),
  updated_by         bigint references agents (id)
);

insert into assist_settings (id) values (1);
