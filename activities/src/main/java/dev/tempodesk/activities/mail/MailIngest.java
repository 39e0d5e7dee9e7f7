package dev.tempodesk.activities.mail;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.SkippedMessagesRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One mailbox message into Tempodesk: classified, then recorded as skipped with its reason, or
 * stored and signalled to its ticket. The sync pass, its retries of quarantined mail and "Try
 * again" all go through here. Idempotent: a message handled before comes out as it did then.
 */
public final class MailIngest {
  private final NylasClient nylas;
  private final MailThreadRepository threads;
  private final InboundMailStore store;
  private final TicketWorkflowGateway tickets;
  private final SentCopies sentCopies;
  private final AttachmentFetches fetches;

  public MailIngest(
      NylasClient nylas,
      MailThreadRepository threads,
      InboundMailStore store,
      OutboundMessageRepository outbound,
      TicketWorkflowGateway tickets,
      AttachmentFetches fetches) {
    this.nylas = nylas;
    this.fetches = fetches;
    this.threads = threads;
    this.store = store;
    this.tickets = tickets;
    this.sentCopies = new SentCopies(outbound, threads);
  }

  /**
   * What became of a message.
   *
   * @param ticketNumber the ticket it was stored on, or null when skipped
   * @param skipped why it was skipped, or null when stored
   */
  public record Outcome(Long ticketNumber, SkipReason skipped) {}

  /** The mailbox's classifier: its address and its folders by role (one Nylas call). */
  public MailClassifier classifierFor(MailboxesRecord mailbox) {
    return new MailClassifier(mailbox.getEmail(), nylas.listFolders(mailbox.getGrantId()));
  }

  public Outcome ingest(MailboxesRecord mailbox, MailClassifier classifier, NylasMessage message) {
    Optional<SkipReason> reason = classifier.skipReason(message);
    if (reason.isPresent()) {
      SkippedMessagesRecord record = skippedRow(mailbox, message, reason.get());
      if (reason.get() == SkipReason.OWN_SENT) {
        sentCopies.match(mailbox, message, record);
      }
      threads.recordSkipped(record);
      return new Outcome(null, SkipReason.valueOf(record.getReason()));
    }
    StoredMessage stored = store.store(mailbox, message, tickets.policy());
    tickets.signalMessage(stored.ticket(), stored.signal());
    UUID messageId = UUID.fromString(stored.signal().messageId());
    if (stored.attachmentsPending()) {
      // Started, not awaited: the ticket never waits for a download (before the message counts
      // as done, so a crash in between starts it again; a second start collapses into the first).
      fetches.start(messageId);
    }
    threads.markSignalled(messageId);
    return new Outcome(stored.ticket().getNumber(), null);
  }

  private static SkippedMessagesRecord skippedRow(
      MailboxesRecord mailbox, NylasMessage message, SkipReason reason) {
    return new SkippedMessagesRecord()
        .setMailboxId(mailbox.getId())
        .setProviderMessageId(message.id())
        .setReason(reason.name())
        .setFromAddress(MailClassifier.senderOf(message).orElse(null))
        .setSubject(message.subject())
        .setReceivedAt(message.date() == null ? null : at(Instant.ofEpochSecond(message.date())));
  }
}
