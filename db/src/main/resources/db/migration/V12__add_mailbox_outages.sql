-- Outages (issue 14, item 5): what stops a mailbox's sync, stored on the mailbox so health, the
-- Mailboxes page and every replica see the same thing.

alter table mailboxes
  -- A mailbox configured by NYLAS_GRANT_ID while Nylas is unreachable is stored before its address
  -- is known; its first successful pass fills the address in.
  alter column email drop not null,
  add column sync_error            text,
  add column sync_error_at         timestamptz,
  add column needs_reconnect_since timestamptz,
  add column reconnect_checked_at  timestamptz;

comment on column mailboxes.sync_error is
  'Why the last sync pass failed (cleared by the next pass that succeeds).';
comment on column mailboxes.needs_reconnect_since is
  'Set when Nylas refused the grant (401/403, or a grant.expired webhook): the mailbox waits for the user to connect it again through OAuth. One episode, one notice to the admins.';
comment on column mailboxes.reconnect_checked_at is
  'When the sync last tried the refused grant again; it tries rarely while waiting for a reconnect.';
