-- Sign-in: agents and portal contacts get BCrypt password hashes; every login attempt is recorded
-- so that the rate limit holds across all replicas of the app (it lives here, not in memory).

alter table agents
  add column password_hash  text,
  add column updated_at     timestamptz not null default now();

alter table contacts
  add column password_hash  text,
  add column updated_at     timestamptz not null default now();

comment on column agents.password_hash is
  'BCrypt hash; null means the agent cannot sign in until an admin sets a password.';
comment on column contacts.password_hash is
  'BCrypt hash for the customer portal; used only while portal_access is true.';

create table login_attempts (
  id            bigint generated always as identity primary key,
  email         text        not null,
  client_ip     text        not null,
  -- PENDING while the password is being checked, so that concurrent guesses count too.
  outcome       text        not null default 'PENDING',
  attempted_at  timestamptz not null default now(),
  constraint login_attempts_outcome_known
    check (outcome in ('PENDING', 'FAILED', 'SUCCEEDED', 'BLOCKED', 'CLEARED'))
);
create index login_attempts_by_email on login_attempts (email, attempted_at);
create index login_attempts_by_client_ip on login_attempts (client_ip, attempted_at);
