package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.activities.outbound.OutboundMailSender;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.SkippedMessagesRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * Our own sent mail comes back through the sync. A copy of a message Tempodesk sent is matched to
 * its outbound row (provider id, Message-ID, or our id in {@link
 * OutboundMailSender#MESSAGE_ID_HEADER}), fills in what the send's answer may have lacked, and is
 * recorded as OUTBOUND_COPY, never stored as a second message. Other own mail stays OWN_SENT.
 */
final class SentCopies {
  private final OutboundMessageRepository outbound;
  private final MailThreadRepository threads;

  SentCopies(OutboundMessageRepository outbound, MailThreadRepository threads) {
    this.outbound = outbound;
    this.threads = threads;
  }

  void match(MailboxesRecord mailbox, NylasMessage copy, SkippedMessagesRecord skipped) {
    String internetId = copy.header("Message-ID").map(String::trim).orElse(null);
    UUID ownId =
        copy.header(OutboundMailSender.MESSAGE_ID_HEADER).flatMap(SentCopies::uuid).orElse(null);
    Optional<MessagesRecord> origin =
        outbound.findSentCopyOrigin(mailbox.getId(), copy.id(), internetId, ownId);
    if (origin.isEmpty()) {
      return;
    }
    MessagesRecord sent = origin.get();
    outbound.completeFromCopy(sent.getId(), internetId, copy.threadId());
    if (copy.threadId() != null) {
      threads.mapThread(mailbox.getId(), copy.threadId(), sent.getTicketNumber());
    }
    skipped.setReason(SkipReason.OUTBOUND_COPY.name()).setMatchedMessageId(sent.getId());
  }

  private static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value.trim()));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }
}
