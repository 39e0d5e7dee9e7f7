-- Macros (issue 19): a canned reply with placeholders plus optional changes, applied to a ticket
-- by an agent. owner_id null = shared (written by admins and managers, seen by all staff); else
-- personal (only its owner sees and edits it). The placeholders and the change's rules are checked
-- by the API (dev.tempodesk.api.macro); the table only keeps the shape.
--   assign_to: null (leave the assignee alone), 'AGENT' (assignee_id), 'APPLIER' (the agent
--              applying the macro)
--   pending_for: ISO-8601 duration text (P2D), only with status PENDING
create table macros (
  id             bigserial   primary key,
  name           text        not null,
  owner_id       bigint      references agents (id) on delete cascade,
  reply_text     text        not null default '',
  note           text        not null default '',
  status         text,
  pending_reason text,
  pending_for    text,
  resolution     text,
  priority       text,
  assign_to      text,
  assignee_id    bigint      references agents (id) on delete set null,
  add_tags       text[]      not null default '{}',
  remove_tags    text[]      not null default '{}',
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  constraint macros_name_not_blank check (length(btrim(name)) > 0),
  constraint macros_assign_to_known check (assign_to in ('AGENT', 'APPLIER'))
);
-- One name per scope: shared names are unique among shared macros, personal ones per owner.
create unique index macros_name_unique on macros (coalesce(owner_id, 0), lower(name));

-- The one-step apply under an Idempotency-Key: the first request claims the key (result columns
-- null while it runs), a repeat by the same agent returns the stored result and changes nothing.
-- A refused apply gives its key back (the row is deleted).
create table macro_applications (
  agent_id         bigint      not null references agents (id) on delete cascade,
  idempotency_key  text        not null,
  ticket_number    bigint      not null,
  macro_id         bigint      not null,
  done             boolean     not null default false,
  reply_message_id uuid,
  note_message_id  uuid,
  changes          jsonb       not null default '[]',
  auto_fixes       jsonb       not null default '[]',
  created_at       timestamptz not null default now(),
  primary key (agent_id, idempotency_key)
);
