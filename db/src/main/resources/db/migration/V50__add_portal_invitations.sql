-- Portal access by an emailed invitation link (issue 21.5). The link carries a random token; only
-- its SHA-256 is stored. A token is used once, expires (7 days unless configured) and is replaced
-- by a newer invitation of the same contact.
create table portal_invitations (
  id           bigint generated always as identity primary key,
  contact_id   bigint      not null references contacts (id),
  token_hash   text        not null unique,
  invited_by   bigint      references agents (id),
  sent_at      timestamptz not null default now(),
  expires_at   timestamptz not null,
  accepted_at  timestamptz,
  replaced_at  timestamptz,
  constraint portal_invitations_hash_shape check (token_hash ~ '^[0-9a-f]{64}$')
);
create index portal_invitations_by_contact on portal_invitations (contact_id, id desc);
