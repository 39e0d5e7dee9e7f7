package dev.tempodesk.db.mail;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.QUARANTINED_MESSAGES;

import dev.tempodesk.db.jooq.tables.records.QuarantinedMessagesRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Mail the sync could not ingest ({@code quarantined_messages}): retried by later passes while
 * {@code RETRYING}, held for a person once {@code QUARANTINED}, {@code RESOLVED} once an attempt
 * succeeded.
 */
@Repository
public class QuarantineRepository {
  public static final String RETRYING = "RETRYING";
  public static final String QUARANTINED = "QUARANTINED";
  public static final String RESOLVED = "RESOLVED";

  private final DSLContext dsl;

  public QuarantineRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A failed attempt at one message, as the sync saw it. */
  public record Failure(
      long mailboxId,
      String providerMessageId,
      String providerThreadId,
      String subject,
      String sender,
      String error,
      OffsetDateTime triedAt) {}

  /**
   * Counts a failed attempt: the first one creates the row, later ones keep the first time and the
   * message as first recorded, and replace the error and the last time. The row turns QUARANTINED
   * once {@code maxAttempts} attempts have failed.
   */
  public QuarantinedMessagesRecord recordFailure(Failure failure, int maxAttempts) {
    var q = QUARANTINED_MESSAGES;
    return dsl.insertInto(q)
        .set(q.MAILBOX_ID, failure.mailboxId())
        .set(q.PROVIDER_MESSAGE_ID, failure.providerMessageId())
        .set(q.PROVIDER_THREAD_ID, failure.providerThreadId())
        .set(q.SUBJECT, failure.subject())
        .set(q.SENDER, failure.sender())
        .set(q.ERROR, failure.error())
        .set(q.ATTEMPTS, 1)
        .set(q.STATUS, maxAttempts <= 1 ? QUARANTINED : RETRYING)
        .set(q.FIRST_TRIED_AT, failure.triedAt())
        .set(q.LAST_TRIED_AT, failure.triedAt())
        .onConflict(q.MAILBOX_ID, q.PROVIDER_KEY)
        .doUpdate()
        .set(q.ATTEMPTS, q.ATTEMPTS.plus(1))
        .set(
            q.STATUS, DSL.when(q.ATTEMPTS.plus(1).ge(maxAttempts), QUARANTINED).otherwise(RETRYING))
        .set(q.ERROR, failure.error())
        .set(q.LAST_TRIED_AT, failure.triedAt())
        .set(q.TICKET_NUMBER, (Long) null)
        .set(q.RESOLVED_AT, (OffsetDateTime) null)
        .returning()
        .fetchOne();
  }

  /** Marks the message ingested (into {@code ticketNumber}, or null when it was skipped). */
  public void resolve(
      long mailboxId, String providerMessageId, Long ticketNumber, OffsetDateTime at) {
    var q = QUARANTINED_MESSAGES;
    dsl.update(q)
        .set(q.STATUS, RESOLVED)
        .set(q.TICKET_NUMBER, ticketNumber)
        .set(q.LAST_TRIED_AT, at)
        .set(q.RESOLVED_AT, at)
        .where(
            q.MAILBOX_ID.eq(mailboxId),
            q.PROVIDER_KEY.eq(DSL.md5(DSL.val(providerMessageId))),
            q.STATUS.ne(RESOLVED))
        .execute();
  }

  public Optional<QuarantinedMessagesRecord> find(long mailboxId, String providerMessageId) {
    var q = QUARANTINED_MESSAGES;
    return dsl.selectFrom(q)
        .where(q.MAILBOX_ID.eq(mailboxId), q.PROVIDER_KEY.eq(DSL.md5(DSL.val(providerMessageId))))
        .fetchOptional();
  }

  /**
   * Of these provider ids, the ones with an open row (RETRYING or QUARANTINED), with its status.
   */
  public Map<String, String> openStatuses(long mailboxId, Collection<String> providerIds) {
    Map<String, String> open = new HashMap<>();
    if (providerIds.isEmpty()) {
      return open;
    }
    var q = QUARANTINED_MESSAGES;
    dsl.select(q.PROVIDER_MESSAGE_ID, q.STATUS)
        .from(q)
        .where(
            q.MAILBOX_ID.eq(mailboxId),
            q.STATUS.ne(RESOLVED),
            q.PROVIDER_KEY.in(providerIds.stream().map(id -> DSL.md5(DSL.val(id))).toList()))
        .forEach(row -> open.put(row.value1(), row.value2()));
    return open;
  }

  /** RETRYING rows of a mailbox, least recently tried first. */
  public List<QuarantinedMessagesRecord> dueForRetry(long mailboxId, int limit) {
    var q = QUARANTINED_MESSAGES;
    return dsl.selectFrom(q)
        .where(q.MAILBOX_ID.eq(mailboxId), q.STATUS.eq(RETRYING))
        .orderBy(q.LAST_TRIED_AT, q.PROVIDER_KEY)
        .limit(limit)
        .fetch();
  }

  /** Open rows of a mailbox (RETRYING and QUARANTINED), most recently tried first. */
  public List<QuarantinedMessagesRecord> listOpen(long mailboxId) {
    var q = QUARANTINED_MESSAGES;
    return dsl.selectFrom(q)
        .where(q.MAILBOX_ID.eq(mailboxId), q.STATUS.ne(RESOLVED))
        .orderBy(q.LAST_TRIED_AT.desc(), q.PROVIDER_KEY)
        .fetch();
  }

  /**
   * Open rows per active mailbox and status: mailbox id → status → count (every mailbox listed).
   */
  public Map<Long, Map<String, Integer>> openCounts() {
    var q = QUARANTINED_MESSAGES;
    Map<Long, Map<String, Integer>> counts = new HashMap<>();
    dsl.select(MAILBOXES.ID)
        .from(MAILBOXES)
        .where(MAILBOXES.ACTIVE)
        .forEach(row -> counts.put(row.value1(), new HashMap<>()));
    dsl.select(q.MAILBOX_ID, q.STATUS, DSL.count())
        .from(q)
        .where(q.STATUS.ne(RESOLVED))
        .groupBy(q.MAILBOX_ID, q.STATUS)
        .forEach(
            row ->
                counts
                    .computeIfAbsent(row.value1(), id -> new HashMap<>())
                    .put(row.value2(), row.value3()));
    return counts;
  }
}
