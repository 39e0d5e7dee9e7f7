package dev.tempodesk.activities.mail;

import static dev.tempodesk.activities.ticket.TicketRows.at;

import dev.tempodesk.activities.nylas.MessagePage;
import dev.tempodesk.activities.nylas.MessageQuery;
import dev.tempodesk.activities.nylas.NylasClient;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One pass over a mailbox: list, classify, store, signal. See {@link MailboxSyncActivities}. */
public class MailboxSyncActivitiesImpl implements MailboxSyncActivities {
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** Before its first pass a mailbox is read back this far before it was connected. */
  static final Duration FIRST_PASS_LOOKBACK = Duration.ofDays(1);

  private final NylasClient nylas;
  private final MailboxRepository mailboxes;
  private final MailThreadRepository threads;
  private final InboundMailStore store;
  private final TicketWorkflowGateway tickets;
  private final Clock clock;
  private final int pageSize;
  private final SentCopies sentCopies;

  public MailboxSyncActivitiesImpl(
      NylasClient nylas,
      MailboxRepository mailboxes,
      MailThreadRepository threads,
      InboundMailStore store,
      OutboundMessageRepository outbound,
      TicketWorkflowGateway tickets,
      Clock clock,
      int pageSize) {
    this.sentCopies = new SentCopies(outbound, threads);
    this.pageSize = pageSize;
    this.nylas = nylas;
    this.mailboxes = mailboxes;
    this.threads = threads;
    this.store = store;
    this.tickets = tickets;
    this.clock = clock;
  }

  @Override
  public SyncPassResult syncPass(SyncPassRequest request) {
    MailboxesRecord mailbox = mailboxes.find(request.mailboxId()).orElseThrow();
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
          StoredMessage stored = store.store(mailbox, message, tickets.policy());
          tickets.signalMessage(stored.ticket(), stored.signal());
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
