package dev.tempodesk.activities.mail;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import dev.tempodesk.db.mail.QuarantineRepository;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records mail the sync could not ingest ({@link QuarantineRepository}). A message that failed is
 * tried again by later passes, once per pass, until {@code maxAttempts} attempts have failed; then
 * it waits for a person. Texts are cut to bounded lengths here: the row must be writable whatever
 * the message holds, or one message could stop the mailbox again.
 */
public final class MailQuarantine {
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final int MAX_TEXT = 1000;
  static final int MAX_ERROR = 2000;

  private final QuarantineRepository rows;
  private final Clock clock;
  private final int maxAttempts;

  public MailQuarantine(QuarantineRepository rows, Clock clock, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.rows = rows;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
  }

  public QuarantineRepository rows() {
    return rows;
  }

  /** Counts a failed attempt at the message; returns the row as it is now. */
  public QuarantinedMessagesRecord recordFailure(
      MailboxesRecord mailbox, NylasMessage message, Throwable failure) {
    return recordFailure(
        mailbox,
        message.id(),
        message.threadId(),
        message.subject(),
        senderAsGiven(message),
        failure);
  }

  /** Counts a failed attempt at a message known only by its id (e.g. the provider lost it). */
  public QuarantinedMessagesRecord recordFailure(
      MailboxesRecord mailbox,
      String providerMessageId,
      String threadId,
      String subject,
      String sender,
      Throwable failure) {
    return rows.recordFailure(
        new QuarantineRepository.Failure(
            mailbox.getId(),
            providerMessageId,
            cut(threadId, MAX_TEXT),
            cut(subject, MAX_TEXT),
            cut(sender, MAX_TEXT),
            cut(describe(failure), MAX_ERROR),
            at(clock.instant())),
        maxAttempts);
  }

  public void resolve(MailboxesRecord mailbox, String providerMessageId, Long ticketNumber) {
    rows.resolve(mailbox.getId(), providerMessageId, ticketNumber, at(clock.instant()));
  }

  /** The from and reply-to entries as received, e.g. {@code Dana <"q z"@example.org>}. */
  static String senderAsGiven(NylasMessage message) {
    String from = entries(message.from());
    String replyTo = entries(message.replyTo());
    return replyTo.isEmpty() ? from : from + " (reply-to: " + replyTo + ")";
  }

  private static String entries(List<EmailAddress> addresses) {
    return addresses.stream()
        .map(
            a ->
                (a.name() == null || a.name().isEmpty() ? "" : a.name() + " ")
                    + "<"
                    + (a.email() == null ? "" : a.email())
                    + ">")
        .collect(Collectors.joining(", "));
  }

  /**
   * The error as a person can read it: the exception type and message of the database's own
   * complaint when there is one (it names the constraint or limit), else of the innermost cause.
   */
  public static String describe(Throwable failure) {
    Throwable reported = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      reported = cause;
      if (cause instanceof SQLException || cause.getCause() == cause) {
        break;
      }
    }
    String text = reported.getMessage() == null ? "" : reported.getMessage().strip();
    String type = reported.getClass().getSimpleName();
    if (reported instanceof SQLException sql && sql.getSQLState() != null) {
      type = type + " " + sql.getSQLState();
    }
    return text.isEmpty() ? type : type + ": " + text;
  }

  static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    String storable = text.replace("\0", "");
    if (storable.length() <= max) {
      return storable;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(storable.charAt(end - 1))) {
      end--;
    }
    return storable.substring(0, end) + "…";
  }
}
