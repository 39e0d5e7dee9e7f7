package dev.tempodesk.activities.mail;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.activities.nylas.MessagePage;
import dev.tempodesk.activities.nylas.MessageQuery;
import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasGrant;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.workflows.mailbox.MailboxSyncActivities;
import dev.tempodesk.workflows.mailbox.SyncPassRequest;
import dev.tempodesk.workflows.mailbox.SyncPassResult;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over a mailbox: list, classify, store, signal. See {@link MailboxSyncActivities}.
 *
 * <p>Each message is handled on its own: an outage ({@link Outages}) fails the pass, which Temporal
 * retries, but a message that fails for its own reasons is recorded in quarantine ({@link
 * MailQuarantine}) and the pass goes on, so one message never stops a mailbox. After the listing
 * the pass tries again the quarantined messages still due for a retry, fetched by id.
 */
public class MailboxSyncActivitiesImpl implements MailboxSyncActivities {
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Quarantined messages a pass tries again at most (each costs one Nylas call). */
  static final int RETRIES_PER_PASS = 20;

  /** Before its first pass a mailbox is read back this far before it was connected. */
  static final Duration FIRST_PASS_LOOKBACK = Duration.ofDays(1);

  /** How often a mailbox waiting for a reconnect tries its refused grant again. */
  public static final Duration RECONNECT_PROBE_INTERVAL = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger(MailboxSyncActivitiesImpl.class);

  private final NylasClient nylas;
  private final MailboxRepository mailboxes;
  private final MailThreadRepository threads;
  private final MailIngest ingest;
  private final MailQuarantine quarantine;
  private final MailboxOutages outages;
  private final Clock clock;
  private final int pageSize;

  public MailboxSyncActivitiesImpl(
      NylasClient nylas,
      MailboxRepository mailboxes,
      MailThreadRepository threads,
      InboundMailStore store,
      OutboundMessageRepository outbound,
      TicketWorkflowGateway tickets,
      MailQuarantine quarantine,
      MailboxOutages outages,
      AttachmentFetches fetches,
      Clock clock,
      int pageSize) {
    this.outages = outages;
    this.pageSize = pageSize;
    this.nylas = nylas;
    this.mailboxes = mailboxes;
    this.threads = threads;
    this.ingest = new MailIngest(nylas, threads, store, outbound, tickets, fetches);
    this.quarantine = quarantine;
    this.clock = clock;
  }

  @Override
  public SyncPassResult syncPass(SyncPassRequest request) {
    MailboxesRecord mailbox = mailboxes.find(request.mailboxId()).orElseThrow();
    SyncPassResult unchanged = new SyncPassResult(request.cursor(), 0, 0);
    if (mailbox.getNeedsReconnectSince() != null) {
      Instant now = clock.instant();
      OffsetDateTime checked = mailbox.getReconnectCheckedAt();
      if (checked != null && checked.toInstant().plus(RECONNECT_PROBE_INTERVAL).isAfter(now)) {
        return unchanged;
      }
      mailboxes.recordReconnectCheck(mailbox.getId(), at(now));
    }
    try {
      return listAndIngest(withAddress(mailbox), request);
    } catch (NylasApiException refused) {
      if (refused.kind() != NylasApiException.Kind.AUTH) {
        throw recorded(mailbox, refused);
      }
      outages.needsReconnect(mailbox, refused.getMessage());
      return unchanged;
    } catch (RuntimeException failed) {
      throw recorded(mailbox, failed);
    }
  }

  /** The failure, after noting it on the mailbox if the database lets us (it may be the cause). */
  private RuntimeException recorded(MailboxesRecord mailbox, RuntimeException failure) {
    try {
      mailboxes.recordSyncError(
          mailbox.getId(), String.valueOf(failure.getMessage()), at(clock.instant()));
    } catch (RuntimeException notRecorded) {
      failure.addSuppressed(notRecorded);
    }
    return failure;
  }

  /** A mailbox configured while Nylas was unreachable learns its address on its first pass. */
  private MailboxesRecord withAddress(MailboxesRecord mailbox) {
    if (mailbox.getEmail() != null) {
      return mailbox;
    }
    NylasGrant grant = nylas.getGrant(mailbox.getGrantId());
    mailboxes.recordAddress(mailbox.getId(), grant.email(), grant.provider());
    return mailboxes.find(mailbox.getId()).orElseThrow();
  }

  private SyncPassResult listAndIngest(MailboxesRecord mailbox, SyncPassRequest request) {
    MailClassifier classifier = ingest.classifierFor(mailbox);
    long listFrom =
        request.cursor() != null
            ? Math.max(0, request.cursor() - request.overlapSeconds())
            : mailbox.getCreatedAt().toInstant().minus(FIRST_PASS_LOOKBACK).getEpochSecond();
    Long newest = request.cursor();
    // A mail server with its clock far ahead can date a mail in the future; a cursor taken from
    // it would list nothing newer until then. Such a mail keeps being listed (then found
    // finished) instead.
    long now = clock.instant().getEpochSecond();
    Tally tally = new Tally();
    Set<String> attempted = new HashSet<>();
    String pageToken = null;
    do {
      MessagePage page =
          nylas.listMessages(
              request.grantId(), new MessageQuery(listFrom, pageSize, pageToken, true, null));
      var ids = page.data().stream().map(NylasMessage::id).toList();
      Set<String> finished = threads.finishedProviderIds(mailbox.getId(), ids);
      Map<String, String> open = quarantine.rows().openStatuses(mailbox.getId(), ids);
      for (NylasMessage message : page.data()) {
        if (message.date() != null) {
          long seen = Math.min(message.date(), now);
          if (newest == null || seen > newest) {
            newest = seen;
          }
        }
        if (!finished.add(message.id())) {
          continue; // seen in the overlap of an earlier pass, or twice on a duplicated page
        }
        if (QuarantineRepository.QUARANTINED.equals(open.get(message.id()))) {
          continue; // out of automatic attempts: waits for a person's "Try again"
        }
        attempted.add(message.id());
        attempt(mailbox, classifier, message, open.containsKey(message.id()), tally);
        // Throttled by the SDK; frequent calls cost nothing and keep crash detection quick.
        Activity.getExecutionContext().heartbeat(tally.total());
      }
      pageToken = page.nextCursor();
    } while (pageToken != null && !pageToken.isBlank());
    retryQuarantined(mailbox, classifier, attempted, tally);
    mailboxes.recordPass(mailbox.getId(), newest, at(clock.instant()));
    return new SyncPassResult(newest, tally.ingested, tally.skipped);
  }

  /** Quarantined messages still due for an automatic attempt that this pass did not list. */
  private void retryQuarantined(
      MailboxesRecord mailbox, MailClassifier classifier, Set<String> attempted, Tally tally) {
    for (QuarantinedMessagesRecord row :
        quarantine.rows().dueForRetry(mailbox.getId(), RETRIES_PER_PASS + attempted.size())) {
      if (tally.retried >= RETRIES_PER_PASS) {
        return;
      }
      if (!attempted.add(row.getProviderMessageId())) {
        continue;
      }
      tally.retried++;
      NylasMessage message;
      try {
        message = nylas.getMessage(mailbox.getGrantId(), row.getProviderMessageId(), true);
      } catch (NylasApiException e) {
        if (e.retryable() || e.kind() == NylasApiException.Kind.AUTH) {
          throw e; // an outage, or a refused grant (the mailbox then needs a reconnect)
        }
        // Gone at the provider (404) or refused for good: counts as a failed attempt.
        quarantine.recordFailure(
            mailbox,
            row.getProviderMessageId(),
            row.getProviderThreadId(),
            row.getSubject(),
            row.getSender(),
            e);
        continue;
      }
      attempt(mailbox, classifier, message, true, tally);
      Activity.getExecutionContext().heartbeat(tally.total());
    }
  }

  private void attempt(
      MailboxesRecord mailbox,
      MailClassifier classifier,
      NylasMessage message,
      boolean inQuarantine,
      Tally tally) {
    MailIngest.Outcome outcome;
    try {
      outcome = ingest.ingest(mailbox, classifier, message);
    } catch (RuntimeException e) {
      if (Outages.isOutage(e)) {
        throw e;
      }
      QuarantinedMessagesRecord row = quarantine.recordFailure(mailbox, message, e);
      log.warn(
          "mailbox {}: message {} failed (attempt {}, now {}): {}",
          mailbox.getId(),
          message.id(),
          row.getAttempts(),
          row.getStatus(),
          row.getError());
      tally.quarantined++;
      return;
    }
    if (inQuarantine) {
      quarantine.resolve(mailbox, message.id(), outcome.ticketNumber());
    }
    if (outcome.ticketNumber() != null) {
      tally.ingested++;
    } else {
      tally.skipped++;
    }
  }

  private static final class Tally {
    int ingested;
    int skipped;
    int quarantined;
    int retried;

    int total() {
      return ingested + skipped + quarantined;
    }
  }

  /** The shared single-message path, for "Try again" on quarantined mail. */
  public MailIngest ingest() {
    return ingest;
  }
}
