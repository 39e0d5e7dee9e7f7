-- Issue 20 item 2: signatures. Each agent has a personal one, each mailbox a company footer; both
-- are appended to the agent's replies (never to notes). html is sanitized by the API before it is
-- written (a small HTML subset) and may hold placeholders such as {{agent.name}}, filled in when a
-- reply is sent. No row: no signature.
create table agent_signatures (
  agent_id    bigint      primary key references agents (id) on delete cascade,
  html        text        not null check (length(html) between 1 and 10000),
  updated_by  bigint      references agents (id) on delete set null,
  updated_at  timestamptz not null default now()
);

create table mailbox_signatures (
  mailbox_id  bigint      primary key references mailboxes (id) on delete cascade,
  html        text        not null check (length(html) between 1 and 10000),
  updated_by  bigint      references agents (id) on delete set null,
  updated_at  timestamptz not null default now()
);
