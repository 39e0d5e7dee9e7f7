package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import dev.tempodesk.db.mail.QuarantineRepository;
import java.util.List;
import java.util.Optional;

/**
 * "Try again" on a quarantined message: fetched again from the provider by its id and put through
 * the sync's own path ({@link MailIngest}), optionally with a sender picked by a person in place of
 * the one received. Idempotent: a message already ingested answers with its ticket again.
 */
public final class QuarantineRetry {
  private final NylasClient nylas;
  private final MailIngest ingest;
  private final MailQuarantine quarantine;

  public QuarantineRetry(NylasClient nylas, MailIngest ingest, MailQuarantine quarantine) {
    this.nylas = nylas;
    this.ingest = ingest;
    this.quarantine = quarantine;
  }

  /** The attempt failed again; the row holds the new error and time. */
  public static final class RetryFailed extends RuntimeException {
    private final transient QuarantinedMessagesRecord row;

    RetryFailed(QuarantinedMessagesRecord row) {
      super(row.getError());
      this.row = row;
    }

    public QuarantinedMessagesRecord row() {
      return row;
    }
  }

  /**
   * @param sender the sender a person picked, or null to keep the one received
   * @return the outcome, or empty if the mailbox holds no such quarantined message
   * @throws RetryFailed when the message fails again for its own reasons
   */
  public Optional<MailIngest.Outcome> retry(
      MailboxesRecord mailbox, String providerMessageId, EmailAddress sender) {
    Optional<QuarantinedMessagesRecord> row =
        quarantine.rows().find(mailbox.getId(), providerMessageId);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    if (QuarantineRepository.RESOLVED.equals(row.get().getStatus())) {
      return Optional.of(new MailIngest.Outcome(row.get().getTicketNumber(), null));
    }
    NylasMessage message;
    try {
      message = nylas.getMessage(mailbox.getGrantId(), providerMessageId, true);
    } catch (NylasApiException e) {
      if (e.retryable()) {
        throw e;
      }
      QuarantinedMessagesRecord failed =
          quarantine.recordFailure(
              mailbox,
              providerMessageId,
              row.get().getProviderThreadId(),
              row.get().getSubject(),
              row.get().getSender(),
              e);
      throw new RetryFailed(failed);
    }
    NylasMessage attempt = sender == null ? message : withSender(message, sender);
    try {
      MailIngest.Outcome outcome = ingest.ingest(mailbox, ingest.classifierFor(mailbox), attempt);
      quarantine.resolve(mailbox, providerMessageId, outcome.ticketNumber());
      return Optional.of(outcome);
    } catch (RuntimeException e) {
      if (Outages.isOutage(e)) {
        throw e;
      }
      // Recorded against the message as received, so the row keeps showing its real sender.
      QuarantinedMessagesRecord failed = quarantine.recordFailure(mailbox, message, e);
      throw new RetryFailed(failed);
    }
  }

  private static NylasMessage withSender(NylasMessage m, EmailAddress sender) {
    return new NylasMessage(
        m.id(),
        m.object(),
        m.grantId(),
        m.threadId(),
        m.subject(),
        m.snippet(),
        List.of(sender),
        m.to(),
        m.cc(),
        m.bcc(),
        List.of(),
        m.date(),
        m.body(),
        m.folders(),
        m.unread(),
        m.headers(),
        m.attachments());
  }
}
