-- Replies, internal notes and acknowledgements (DESIGN.md section 5 "Reply from the UI").
-- An outbound message is written QUEUED by the ticket workflow and sent by an activity; the row
-- keeps everything the send needs, so every retry sends the same payload under the same
-- Idempotency-Key (the message id).

alter table messages
  -- The provider id of the message this one answers (Nylas reply_to_message_id), fixed when the
  -- message is queued: a retry must not pick a newer parent and change the payload.
  add column reply_to_provider_id  text,
  -- Machine-written mail (the acknowledgement) carries Auto-Submitted: auto-replied.
  add column auto_submitted        boolean     not null default false,
  add column thread_id             text,
  add column sent_at               timestamptz;

-- Outbound messages the sender still has to deliver, per ticket.
create index messages_queued_outbound on messages (ticket_number)
  where direction = 'OUTBOUND' and delivery_status = 'QUEUED';

-- Set when a ticket from email or the portal is opened; cleared once its acknowledgement is
-- queued. Tickets from before this column never get one.
alter table tickets
  add column acknowledgement_due boolean not null default false;

-- The copy of our own sent mail that the mailbox sync lists again is recorded against the outbound
-- row it matched (never stored as a second message); own mail that matches nothing stays OWN_SENT.
alter table skipped_messages
  add column matched_message_id uuid references messages (id),
  drop constraint skipped_messages_reason_known,
  add constraint skipped_messages_reason_known check (reason in
    ('DRAFT', 'OWN_SENT', 'OUTBOUND_COPY', 'AUTO_REPLY', 'BOUNCE', 'BULK', 'MAILING_LIST',
     'NO_SENDER', 'LOOP'));
