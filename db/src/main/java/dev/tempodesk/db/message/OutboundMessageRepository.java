package dev.tempodesk.db.message;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Outbound messages and their delivery state: QUEUED → SENT, or QUEUED → FAILED → (retry) QUEUED.
 * Every write is idempotent and never moves a SENT message back.
 */
@Repository
public class OutboundMessageRepository {
  public static final String QUEUED = "QUEUED";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  private final DSLContext dsl;

  public OutboundMessageRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Inserts the message unless its id exists; returns true if it was inserted. */
  public boolean insertIfAbsent(MessagesRecord message) {
    return dsl.insertInto(MESSAGES).set(message).onConflictDoNothing().execute() == 1;
  }

  public Optional<MessagesRecord> find(long ticketNumber, UUID id) {
    return dsl.selectFrom(MESSAGES)
        .where(MESSAGES.ID.eq(id), MESSAGES.TICKET_NUMBER.eq(ticketNumber))
        .fetchOptional();
  }

  /** Ids of the ticket's messages waiting to be sent, oldest first. */
  public List<UUID> queued(long ticketNumber) {
    return dsl.select(MESSAGES.ID)
        .from(MESSAGES)
        .where(
            MESSAGES.TICKET_NUMBER.eq(ticketNumber),
            MESSAGES.DIRECTION.eq("OUTBOUND"),
            MESSAGES.DELIVERY_STATUS.eq(QUEUED))
        .orderBy(MESSAGES.OCCURRED_AT, MESSAGES.CREATED_AT, MESSAGES.ID)
        .fetch(MESSAGES.ID);
  }

  /** The newest message of the ticket that has a provider id in this mailbox, inbound first. */
  public Optional<MessagesRecord> latestInbound(long ticketNumber, long mailboxId) {
    return dsl.selectFrom(MESSAGES)
        .where(
            MESSAGES.TICKET_NUMBER.eq(ticketNumber),
            MESSAGES.MAILBOX_ID.eq(mailboxId),
            MESSAGES.DIRECTION.eq("INBOUND"),
            MESSAGES.PROVIDER_MESSAGE_ID.isNotNull())
        .orderBy(MESSAGES.OCCURRED_AT.desc(), MESSAGES.ID.desc())
        .limit(1)
        .fetchOptional();
  }

  public void markSent(
      UUID id,
      String providerMessageId,
      String internetMessageId,
      String threadId,
      OffsetDateTime sentAt) {
    dsl.update(MESSAGES)
        .set(MESSAGES.DELIVERY_STATUS, SENT)
        .set(MESSAGES.DELIVERY_ERROR, (String) null)
        .set(MESSAGES.PROVIDER_MESSAGE_ID, providerMessageId)
        .set(
            MESSAGES.INTERNET_MESSAGE_ID,
            internetMessageId != null ? DSL.val(internetMessageId) : MESSAGES.INTERNET_MESSAGE_ID)
        .set(MESSAGES.THREAD_ID, threadId)
        .set(MESSAGES.SENT_AT, sentAt)
        .where(MESSAGES.ID.eq(id), MESSAGES.DELIVERY_STATUS.ne(SENT))
        .execute();
  }

  /** QUEUED → FAILED with the error; returns false if the message was not QUEUED. */
  public boolean markFailed(UUID id, String error) {
    return dsl.update(MESSAGES)
            .set(MESSAGES.DELIVERY_STATUS, FAILED)
            .set(MESSAGES.DELIVERY_ERROR, error)
            .where(MESSAGES.ID.eq(id), MESSAGES.DELIVERY_STATUS.eq(QUEUED))
            .execute()
        == 1;
  }

  /**
   * After Nylas answered the send of attempt {@code from} with an error (which it replays for that
   * key for an hour), moves the message on to the next attempt and key; false if another caller did
   * already or the message is no longer QUEUED.
   */
  public boolean nextSendAttempt(UUID id, int from) {
    return dsl.update(MESSAGES)
            .set(MESSAGES.SEND_ATTEMPT, from + 1)
            .where(
                MESSAGES.ID.eq(id),
                MESSAGES.SEND_ATTEMPT.eq(from),
                MESSAGES.DELIVERY_STATUS.eq(QUEUED))
            .execute()
        == 1;
  }

  /**
   * FAILED → QUEUED under a fresh send attempt (the last one's key may replay its error); returns
   * false if it is not a FAILED message of this ticket.
   */
  public boolean requeue(long ticketNumber, UUID id) {
    return dsl.update(MESSAGES)
            .set(MESSAGES.DELIVERY_STATUS, QUEUED)
            .set(MESSAGES.SEND_ATTEMPT, MESSAGES.SEND_ATTEMPT.plus(1))
            .where(
                MESSAGES.ID.eq(id),
                MESSAGES.TICKET_NUMBER.eq(ticketNumber),
                MESSAGES.DIRECTION.eq("OUTBOUND"),
                MESSAGES.DELIVERY_STATUS.eq(FAILED))
            .execute()
        == 1;
  }

  /** Sets the mailbox of a message that had none (queued before any mailbox was connected). */
  public void assignMailbox(UUID id, long mailboxId) {
    dsl.update(MESSAGES)
        .set(MESSAGES.MAILBOX_ID, mailboxId)
        .where(MESSAGES.ID.eq(id), MESSAGES.MAILBOX_ID.isNull())
        .execute();
  }

  /**
   * The outbound message a copy of our own sent mail stands for: same provider id in the mailbox,
   * or the same Message-ID, or our own message id carried in a header.
   */
  public Optional<MessagesRecord> findSentCopyOrigin(
      long mailboxId, String providerMessageId, String internetMessageId, UUID ownId) {
    Condition match =
        MESSAGES.MAILBOX_ID.eq(mailboxId).and(MESSAGES.PROVIDER_MESSAGE_ID.eq(providerMessageId));
    if (internetMessageId != null) {
      match = match.or(MESSAGES.INTERNET_MESSAGE_ID.eq(internetMessageId));
    }
    if (ownId != null) {
      match = match.or(MESSAGES.ID.eq(ownId));
    }
    return dsl.selectFrom(MESSAGES)
        .where(MESSAGES.DIRECTION.eq("OUTBOUND"), match)
        .limit(1)
        .fetchOptional();
  }

  /** Fills in what the sent copy tells about a message the send response did not (yet) give. */
  public void completeFromCopy(UUID id, String internetMessageId, String threadId) {
    dsl.update(MESSAGES)
        .set(
            MESSAGES.INTERNET_MESSAGE_ID,
            DSL.coalesce(MESSAGES.INTERNET_MESSAGE_ID, DSL.val(internetMessageId)))
        .set(MESSAGES.THREAD_ID, DSL.coalesce(MESSAGES.THREAD_ID, DSL.val(threadId)))
        .where(MESSAGES.ID.eq(id))
        .execute();
  }

  /**
   * Clears the ticket's acknowledgement flag; true only for the one caller that found it set, so
   * the acknowledgement is queued once however often a run starts.
   */
  public boolean takeAcknowledgementDue(long ticketNumber) {
    return dsl.update(TICKETS)
            .set(TICKETS.ACKNOWLEDGEMENT_DUE, false)
            .where(TICKETS.NUMBER.eq(ticketNumber), TICKETS.ACKNOWLEDGEMENT_DUE.isTrue())
            .execute()
        == 1;
  }

  /** Links a ticket without a thread (opened by phone) to the thread its first mail started. */
  public void adoptThread(long ticketNumber, long mailboxId, String threadId) {
    dsl.update(TICKETS)
        .set(TICKETS.MAILBOX_ID, mailboxId)
        .set(TICKETS.THREAD_ID, threadId)
        .where(TICKETS.NUMBER.eq(ticketNumber), TICKETS.THREAD_ID.isNull())
        .execute();
  }
}
