-- Issue 20: a reply's blind copies. An RFC 5322 address list like cc_addresses; mailed through
-- Nylas' bcc, shown to agents on the message, never to the customer (the portal leaves it out).
-- Null: none (every message before this column).
alter table messages add column bcc_addresses text;

comment on column messages.bcc_addresses is
  'Blind copies of an outbound reply (RFC 5322 address list), never shown in the portal';
