-- API tokens (issue 22): personal tokens of any staff member and service tokens of admins, both
-- owned by an agent whose role they carry (a service token is owned by the admin who made it and
-- shown to every admin). Only the SHA-256 of the secret is stored; prefix finds the row.
create table api_tokens (
  id              bigint generated always as identity primary key,
  owner_id        bigint      not null references agents (id),
  kind            text        not null check (kind in ('PERSONAL', 'SERVICE')),
  name            text        not null check (length(name) between 1 and 80),
  scopes          text[]      not null,
  prefix          text        not null unique,
  secret_hash     bytea       not null,
  created_by      bigint      not null references agents (id),
  created_at      timestamptz not null default now(),
  expires_at      timestamptz,
  last_used_at    timestamptz,
  last_used_ip    text,
  last_used_agent text,
  revoked_at      timestamptz,
  revoked_by      bigint references agents (id)
);

create index api_tokens_owner on api_tokens (owner_id, id);
