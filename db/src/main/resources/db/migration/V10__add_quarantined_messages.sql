-- Mail the sync could not ingest. A message that cannot be classified, stored, threaded or
-- signalled is recorded here instead of failing the whole pass (which would stop its mailbox for
-- good): the pass moves on and later passes try it again a bounded number of times (RETRYING);
-- after that it waits for a person (QUARANTINED), who can try again from the Mailboxes page. Once an
-- attempt succeeds the row is RESOLVED, with the ticket the message went to.
--
-- Everything here comes from a message that already broke something, so nothing may refuse it in
-- turn: texts are cut to a bounded length by the writer, and the key is a hash of the provider id
-- (a btree cannot hold an arbitrarily long id).
create table quarantined_messages (
  mailbox_id           bigint      not null references mailboxes (id),
  provider_message_id  text        not null,
  provider_key         text        not null generated always as (md5(provider_message_id)) stored,
  provider_thread_id   text,
  subject              text,
  -- The sender as received: the from and reply_to entries, as "Name <address>" lists.
  sender               text,
  error                text        not null,
  attempts             integer     not null,
  status               text        not null,
  ticket_number        bigint      references tickets (number),
  first_tried_at       timestamptz not null,
  last_tried_at        timestamptz not null,
  resolved_at          timestamptz,
  constraint quarantined_messages_pk primary key (mailbox_id, provider_key),
  constraint quarantined_messages_status_known
    check (status in ('RETRYING', 'QUARANTINED', 'RESOLVED')),
  constraint quarantined_messages_attempts_positive check (attempts >= 1)
);
create index quarantined_messages_open on quarantined_messages (mailbox_id, last_tried_at)
  where status <> 'RESOLVED';
