-- Sign-in throttling that a stranger cannot turn against a user (issue 16). V6 counted failures per
-- address and per client IP separately, so five wrong passwords for someone's address locked that
-- person out everywhere, and twenty failures from one IP locked out everyone behind it.
--
-- Now (see LoginRateLimiter and the README's "Sign-in throttling"):
--   * login_throttle counts failures per (address, client) pair. After a few failures the pair
--     waits, the wait doubling with each further failure up to a cap. Another client is not
--     affected, and the pair itself is free again once its wait has passed.
--   * login_client_throttle counts a client's failures over all addresses. Past its (looser) limit
--     the client waits too, but only for addresses it has failed on: a correct password for an
--     address the client never failed on always signs in.
--   * login_alerts remembers when the admins were last told about an address that fails from many
--     clients, so they are told once per window.
-- Times come from the application's clock, not from now(), so that tests can move them.

drop table login_attempts;

create table login_throttle (
  email            text        not null,
  client           text        not null,
  failures         integer     not null default 0,
  last_failure_at  timestamptz not null,
  constraint login_throttle_pk primary key (email, client),
  constraint login_throttle_failures_non_negative check (failures >= 0)
);
create index login_throttle_by_email on login_throttle (email, last_failure_at);
create index login_throttle_by_time on login_throttle (last_failure_at);

create table login_client_throttle (
  client           text        primary key,
  failures         integer     not null default 0,
  last_failure_at  timestamptz not null,
  constraint login_client_throttle_failures_non_negative check (failures >= 0)
);
create index login_client_throttle_by_time on login_client_throttle (last_failure_at);

create table login_alerts (
  email        text        primary key,
  alerted_at   timestamptz not null
);

comment on table login_throttle is
  'Failed sign-ins per (canonical address, client IP); reset by a successful sign-in of the pair.';
comment on table login_client_throttle is
  'Failed sign-ins per client IP over all addresses; never reset by a success.';
