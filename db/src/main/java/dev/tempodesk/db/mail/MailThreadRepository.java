package dev.tempodesk.db.mail;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.MAILBOX_THREADS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.PERSON_ADDRESSES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_NOTIFICATIONS;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.SkippedMessagesRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the email sync remembers: which ticket a thread feeds, which provider messages are stored or
 * skipped, and which webhook notifications were seen.
 */
@Repository
public class MailThreadRepository {
  private final DSLContext dsl;

  public MailThreadRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<Long> ticketOfThread(long mailboxId, String threadId) {
    return dsl.select(MAILBOX_THREADS.TICKET_NUMBER)
        .from(MAILBOX_THREADS)
        .where(MAILBOX_THREADS.MAILBOX_ID.eq(mailboxId), MAILBOX_THREADS.THREAD_ID.eq(threadId))
        .fetchOptional(MAILBOX_THREADS.TICKET_NUMBER);
  }

  /**
   * Points the thread at a ticket, unless it already points somewhere.
   *
   * @return false if another writer mapped the thread first
   */
  public boolean mapThread(long mailboxId, String threadId, long ticketNumber) {
    return dsl.insertInto(MAILBOX_THREADS)
            .set(MAILBOX_THREADS.MAILBOX_ID, mailboxId)
            .set(MAILBOX_THREADS.THREAD_ID, threadId)
            .set(MAILBOX_THREADS.TICKET_NUMBER, ticketNumber)
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** Hands the thread to a follow-up ticket. */
  public void remapThread(long mailboxId, String threadId, long ticketNumber) {
    dsl.update(MAILBOX_THREADS)
        .set(MAILBOX_THREADS.TICKET_NUMBER, ticketNumber)
        .set(MAILBOX_THREADS.UPDATED_AT, OffsetDateTime.now())
        .where(MAILBOX_THREADS.MAILBOX_ID.eq(mailboxId), MAILBOX_THREADS.THREAD_ID.eq(threadId))
        .execute();
  }

  public Optional<MessagesRecord> findMessage(long mailboxId, String providerMessageId) {
    return dsl.selectFrom(MESSAGES)
        .where(
            MESSAGES.MAILBOX_ID.eq(mailboxId), MESSAGES.PROVIDER_MESSAGE_ID.eq(providerMessageId))
        .fetchOptional();
  }

  /**
   * Of these provider message ids, the ones already finished: stored and signalled to their ticket,
   * or recorded as skipped. A pass lists its overlap again and only needs the rest.
   */
  public Set<String> finishedProviderIds(long mailboxId, Collection<String> providerIds) {
    Set<String> finished = new HashSet<>();
    if (providerIds.isEmpty()) {
      return finished;
    }
    finished.addAll(
        dsl.select(MESSAGES.PROVIDER_MESSAGE_ID)
            .from(MESSAGES)
            .where(
                MESSAGES.MAILBOX_ID.eq(mailboxId),
                MESSAGES.PROVIDER_MESSAGE_ID.in(providerIds),
                MESSAGES.SIGNALLED_AT.isNotNull())
            .fetch(MESSAGES.PROVIDER_MESSAGE_ID));
    finished.addAll(
        dsl.select(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID)
            .from(SKIPPED_MESSAGES)
            .where(
                SKIPPED_MESSAGES.MAILBOX_ID.eq(mailboxId),
                SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID.in(providerIds))
            .fetch(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID));
    return finished;
  }

  public void markSignalled(UUID messageId) {
    dsl.update(MESSAGES)
        .set(MESSAGES.SIGNALLED_AT, OffsetDateTime.now())
        .where(MESSAGES.ID.eq(messageId), MESSAGES.SIGNALLED_AT.isNull())
        .execute();
  }

  /** The ticket of the newest stored message with one of these RFC 822 Message-IDs. */
  public Optional<Long> ticketOfInternetMessageIds(Collection<String> internetMessageIds) {
    if (internetMessageIds.isEmpty()) {
      return Optional.empty();
    }
    return dsl.select(MESSAGES.TICKET_NUMBER)
        .from(MESSAGES)
        .where(MESSAGES.INTERNET_MESSAGE_ID.in(internetMessageIds))
        .orderBy(MESSAGES.OCCURRED_AT.desc())
        .limit(1)
        .fetchOptional(MESSAGES.TICKET_NUMBER);
  }

  /**
   * Whether this address is the ticket's reporter's (any of theirs) or wrote one of its messages.
   */
  public boolean isParticipant(long ticketNumber, String email) {
    String normalized = email.toLowerCase();
    return dsl.fetchExists(
            dsl.selectOne()
                .from(TICKETS)
                .join(CONTACTS)
                .on(CONTACTS.ID.eq(TICKETS.REPORTER_ID))
                .where(
                    TICKETS.NUMBER.eq(ticketNumber),
                    CONTACTS
                        .EMAIL
                        .eq(normalized)
                        // or one of the addresses of contacts merged into the reporter (V49)
                        .orExists(
                            DSL.selectOne()
                                .from(PERSON_ADDRESSES)
                                .where(
                                    PERSON_ADDRESSES.CONTACT_ID.eq(TICKETS.REPORTER_ID),
                                    PERSON_ADDRESSES.EMAIL.eq(normalized)))))
        || dsl.fetchExists(
            dsl.selectOne()
                .from(MESSAGES)
                .where(
                    MESSAGES.TICKET_NUMBER.eq(ticketNumber),
                    DSL.lower(MESSAGES.FROM_ADDRESS).eq(normalized)));
  }

  /** Records a skipped message once; a re-listed one keeps its first record. */
  public void recordSkipped(SkippedMessagesRecord skipped) {
    dsl.insertInto(SKIPPED_MESSAGES).set(skipped).onConflictDoNothing().execute();
  }

  public int countSkipped(long mailboxId) {
    return dsl.fetchCount(SKIPPED_MESSAGES, SKIPPED_MESSAGES.MAILBOX_ID.eq(mailboxId));
  }

  /**
   * @return true the first time a webhook notification id is seen
   */
  public boolean firstTimeNotification(String notificationId) {
    return dsl.insertInto(WEBHOOK_NOTIFICATIONS)
            .set(WEBHOOK_NOTIFICATIONS.ID, notificationId)
            .onConflictDoNothing()
            .execute()
        == 1;
  }
}
