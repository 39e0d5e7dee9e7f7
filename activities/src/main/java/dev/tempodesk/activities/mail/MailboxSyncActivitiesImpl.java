package dev.tempodesk.activities.mail;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.nylas.MessagePage;
import dev.tempodesk.activities.nylas.MessageQuery;
import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasGrant;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.SkippedMessagesRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.workflows.mailbox.MailboxSyncActivities;
import dev.tempodesk.workflows.mailbox.SyncPassRequest;
import dev.tempodesk.workflows.mailbox.SyncPassResult;
import io.temporal.activity.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One pass over a mailbox: list, classify, store, signal. See {@link MailboxSyncActivities}. */
public class MailboxSyncActivitiesImpl implements MailboxSyncActivities {
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Before its first pass a mailbox is read back this far before it was connected. */
  static final Duration FIRST_PASS_LOOKBACK = Duration.ofDays(1);

  /** How often a mailbox waiting for a reconnect tries its refused grant again. */
  public static final Duration RECONNECT_PROBE_INTERVAL = Duration.ofMinutes(15);

  private final NylasClient nylas;
  private final MailboxRepository mailboxes;
  private final MailThreadRepository threads;
  private final InboundMailStore store;
  private final TicketWorkflowGateway tickets;
  private final Clock clock;
  private final int pageSize;
  private final SentCopies sentCopies;
  private final MailboxOutages outages;

  public MailboxSyncActivitiesImpl(
      NylasClient nylas,
      MailboxRepository mailboxes,
      MailThreadRepository threads,
      InboundMailStore store,
      OutboundMessageRepository outbound,
      TicketWorkflowGateway tickets,
      MailboxOutages outages,
      Clock clock,
      int pageSize) {
    this.outages = outages;
    this.sentCopies = new SentCopies(outbound, threads);
    this.pageSize = pageSize;
    this.nylas = nylas;
    this.mailboxes = mailboxes;
    this.threads = threads;
    this.store = store;
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * Runs one pass and keeps the mailbox's sync state: a pass that fails records why (for health and
   * the Mailboxes page) and rethrows, so that Temporal retries it with backoff. A refused grant
   * (401 or 403) ends the pass normally instead: retrying cannot help until the mailbox is
   * connected again, so the mailbox is marked "needs reconnect" and later passes try the grant only
   * every {@link #RECONNECT_PROBE_INTERVAL} (a reconnect through OAuth wakes the sync at once).
   */
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
    MailClassifier classifier = classifierFor(mailbox);
    long listFrom =
        request.cursor() != null
            ? Math.max(0, request.cursor() - request.overlapSeconds())
            : mailbox.getCreatedAt().toInstant().minus(FIRST_PASS_LOOKBACK).getEpochSecond();
    Long newest = request.cursor();
    // A mail server with its clock far ahead can date a mail in the future; a cursor taken from
    // it would list nothing newer until then. Such a mail keeps being listed (then found
    // finished) instead.
    long now = clock.instant().getEpochSecond();
    int ingested = 0;
    int skipped = 0;
    String pageToken = null;
    do {
      MessagePage page =
          nylas.listMessages(
              request.grantId(), new MessageQuery(listFrom, pageSize, pageToken, true, null));
      Set<String> finished =
          threads.finishedProviderIds(
              mailbox.getId(), page.data().stream().map(NylasMessage::id).toList());
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
        Optional<SkipReason> reason;
        try {
          reason = classifier.skipReason(message);
        } catch (UnattributableMessageException nobody) {
          // Interim, until the per-message quarantine (issue 14, item 1) takes this exception and
          // holds the message with its reason: recorded as before, so the pass goes on.
          reason = Optional.of(SkipReason.NO_SENDER);
        }
        if (reason.isPresent()) {
          SkippedMessagesRecord record = skippedRow(mailbox, message, reason.get());
          if (reason.get() == SkipReason.OWN_SENT) {
            sentCopies.match(mailbox, message, record);
          }
          threads.recordSkipped(record);
          skipped++;
        } else {
          StoredMessage stored = store.store(mailbox, message, tickets.policy().reopenWindow());
          tickets.signalMessage(stored.ticket(), stored.assigneeName(), stored.signal());
          threads.markSignalled(UUID.fromString(stored.signal().messageId()));
          ingested++;
        }
        // Throttled by the SDK; frequent calls cost nothing and keep crash detection quick.
        Activity.getExecutionContext().heartbeat(ingested + skipped);
      }
      pageToken = page.nextCursor();
    } while (pageToken != null && !pageToken.isBlank());
    mailboxes.recordPass(mailbox.getId(), newest, at(clock.instant()));
    return new SyncPassResult(newest, ingested, skipped);
  }

  private MailClassifier classifierFor(MailboxesRecord mailbox) {
    return new MailClassifier(mailbox.getEmail(), nylas.listFolders(mailbox.getGrantId()));
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
