package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.CONTACT_MERGES;
import static dev.tempodesk.db.jooq.Tables.CONTACT_MERGE_FAILURES;
import static dev.tempodesk.db.jooq.Tables.CUSTOMER_LOAD_ALERTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static dev.tempodesk.db.jooq.Tables.PERSON_ADDRESSES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import dev.tempodesk.db.jooq.tables.records.ContactMergeFailuresRecord;
import dev.tempodesk.db.jooq.tables.records.ContactMergesRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

/**
 * Merges of one contact into another (V49): the merge's record and progress, the contact-level move
 * (addresses, organization, portal password, messages, notifications) in one transaction, and the
 * move of a ticket whose workflow has ended (the read model and an audit entry). Tickets with a
 * running workflow move through that workflow's update, not here.
 */
@Repository
public class ContactMergeRepository {
  public static final String RUNNING = "RUNNING";
  public static final String DONE = "DONE";
  public static final String INCOMPLETE = "INCOMPLETE";

  private final DSLContext dsl;

  public ContactMergeRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<ContactMergesRecord> find(long mergeId) {
    return dsl.selectFrom(CONTACT_MERGES).where(CONTACT_MERGES.ID.eq(mergeId)).fetchOptional();
  }

  /** The merge that took this contact away, if any. */
  public Optional<ContactMergesRecord> findByMerged(long mergedId) {
    return dsl.selectFrom(CONTACT_MERGES)
        .where(CONTACT_MERGES.MERGED_ID.eq(mergedId))
        .fetchOptional();
  }

  /** The merges into this contact, newest first. */
  public List<ContactMergesRecord> intoSurvivor(long survivorId) {
    return dsl.selectFrom(CONTACT_MERGES)
        .where(CONTACT_MERGES.SURVIVOR_ID.eq(survivorId))
        .orderBy(CONTACT_MERGES.ID.desc())
        .fetch();
  }

  /** A new merge, with the number of tickets the merged contact reports now; its id. */
  public long insert(long survivorId, long mergedId, long agentId, String comment) {
    return dsl.insertInto(CONTACT_MERGES)
        .set(CONTACT_MERGES.SURVIVOR_ID, survivorId)
        .set(CONTACT_MERGES.MERGED_ID, mergedId)
        .set(CONTACT_MERGES.AGENT_ID, agentId)
        .set(CONTACT_MERGES.COMMENT, comment)
        .set(CONTACT_MERGES.TICKETS_TOTAL, ticketCount(mergedId))
        .returning(CONTACT_MERGES.ID)
        .fetchSingle(CONTACT_MERGES.ID);
  }

  /** An INCOMPLETE merge runs again: its failures are forgotten (each ticket is tried anew). */
  public void restart(long mergeId) {
    dsl.transaction(
        tx -> {
          tx.dsl()
              .deleteFrom(CONTACT_MERGE_FAILURES)
              .where(CONTACT_MERGE_FAILURES.MERGE_ID.eq(mergeId))
              .execute();
          tx.dsl()
              .update(CONTACT_MERGES)
              .set(CONTACT_MERGES.STATUS, RUNNING)
              .setNull(CONTACT_MERGES.FINISHED_AT)
              .where(CONTACT_MERGES.ID.eq(mergeId))
              .execute();
        });
  }

  public int ticketCount(long contactId) {
    return dsl.fetchCount(TICKETS, TICKETS.REPORTER_ID.eq(contactId));
  }

  /**
   * Moves what belongs to the person from the merged contact to the survivor, in one transaction;
   * repeating it changes nothing more. The survivor gets the merged contact's addresses, its
   * organization if it has none, portal access if either had it and the merged contact's password
   * if it has none of its own; the merged contact's messages and notifications become the
   * survivor's, its customer-load alert is dropped; the merged contact is marked merged and can no
   * longer sign in.
   *
   * @return the merged contact as it was before (its address ends its sessions), empty if it was
   *     marked merged already
   */
  public Optional<ContactsRecord> absorb(long mergeId, OffsetDateTime now) {
    return dsl.transactionResult(
        tx -> {
          DSLContext db = tx.dsl();
          ContactMergesRecord merge =
              db.selectFrom(CONTACT_MERGES).where(CONTACT_MERGES.ID.eq(mergeId)).fetchSingle();
          long survivorId = merge.getSurvivorId();
          long mergedId = merge.getMergedId();
          List<ContactsRecord> both =
              db.selectFrom(CONTACTS)
                  .where(CONTACTS.ID.in(survivorId, mergedId))
                  .orderBy(CONTACTS.ID)
                  .forUpdate()
                  .fetch();
          ContactsRecord survivor =
              both.stream().filter(c -> c.getId() == survivorId).findFirst().orElseThrow();
          ContactsRecord merged =
              both.stream().filter(c -> c.getId() == mergedId).findFirst().orElseThrow();
          if (merged.getMergedIntoId() != null) {
            return Optional.<ContactsRecord>empty();
          }
          ContactsRecord before = merged.copy();
          before.setId(merged.getId());
          db.update(PERSON_ADDRESSES)
              .set(PERSON_ADDRESSES.CONTACT_ID, survivorId)
              .where(PERSON_ADDRESSES.CONTACT_ID.eq(mergedId))
              .execute();
          boolean takesPassword =
              survivor.getPasswordHash() == null && merged.getPasswordHash() != null;
          db.update(CONTACTS)
              .set(
                  CONTACTS.ORGANIZATION_ID,
                  survivor.getOrganizationId() != null
                      ? survivor.getOrganizationId()
                      : merged.getOrganizationId())
              .set(CONTACTS.PORTAL_ACCESS, survivor.getPortalAccess() || merged.getPortalAccess())
              .set(
                  CONTACTS.PASSWORD_HASH,
                  takesPassword ? merged.getPasswordHash() : survivor.getPasswordHash())
              .set(CONTACTS.UPDATED_AT, now)
              .where(CONTACTS.ID.eq(survivorId))
              .execute();
          db.update(CONTACTS)
              .set(CONTACTS.MERGED_INTO_ID, survivorId)
              .set(CONTACTS.MERGED_AT, now)
              .set(CONTACTS.PORTAL_ACCESS, false)
              .setNull(CONTACTS.PASSWORD_HASH)
              .set(CONTACTS.UPDATED_AT, now)
              .where(CONTACTS.ID.eq(mergedId))
              .execute();
          db.update(MESSAGES)
              .set(MESSAGES.AUTHOR_CONTACT_ID, survivorId)
              .where(MESSAGES.AUTHOR_CONTACT_ID.eq(mergedId))
              .execute();
          db.update(NOTIFICATIONS)
              .set(NOTIFICATIONS.RECIPIENT_ID, survivorId)
              .where(
                  NOTIFICATIONS.RECIPIENT_KIND.eq("CONTACT"),
                  NOTIFICATIONS.RECIPIENT_ID.eq(mergedId))
              .execute();
          db.deleteFrom(CUSTOMER_LOAD_ALERTS)
              .where(CUSTOMER_LOAD_ALERTS.CONTACT_ID.eq(mergedId))
              .execute();
          return Optional.of(before);
        });
  }

  /** The merged contact's tickets above {@code after}, ascending by number. */
  public List<Long> ticketsLeft(long mergedId, long after, int limit) {
    return dsl.select(TICKETS.NUMBER)
        .from(TICKETS)
        .where(TICKETS.REPORTER_ID.eq(mergedId), TICKETS.NUMBER.gt(after))
        .orderBy(TICKETS.NUMBER)
        .limit(limit)
        .fetch(TICKETS.NUMBER);
  }

  /** Whether ticket #number is still reported by this contact. */
  public boolean reportedBy(long number, long contactId) {
    return dsl.fetchExists(TICKETS, TICKETS.NUMBER.eq(number), TICKETS.REPORTER_ID.eq(contactId));
  }

  /**
   * Moves a ticket whose workflow has ended to the survivor in the read model, with an UPDATED
   * entry in its audit trail (a {@code reporter} change, as the workflow writes one), in one
   * transaction. The entry's id comes from the merge and the ticket, so a repeated move writes
   * nothing twice.
   *
   * @return whether the ticket moved now (false: it was not the merged contact's)
   */
  public boolean moveEndedTicket(
      long mergeId,
      long number,
      String actorKind,
      Long actorId,
      String actorName,
      OffsetDateTime now) {
    return dsl.transactionResult(
        tx -> {
          DSLContext db = tx.dsl();
          ContactMergesRecord merge =
              db.selectFrom(CONTACT_MERGES).where(CONTACT_MERGES.ID.eq(mergeId)).fetchSingle();
          Long version =
              db.update(TICKETS)
                  .set(TICKETS.REPORTER_ID, merge.getSurvivorId())
                  .set(TICKETS.VERSION, TICKETS.VERSION.plus(1))
                  .set(TICKETS.UPDATED_AT, now)
                  .where(TICKETS.NUMBER.eq(number), TICKETS.REPORTER_ID.eq(merge.getMergedId()))
                  .returning(TICKETS.VERSION)
                  .fetchOptional(TICKETS.VERSION)
                  .orElse(null);
          if (version == null) {
            return false;
          }
          String changes =
              "[{\"field\": \"reporter\", \"from\": \"#%d\", \"to\": \"#%d\"}]"
                  .formatted(merge.getMergedId(), merge.getSurvivorId());
          db.insertInto(TICKET_EVENTS)
              .set(
                  TICKET_EVENTS.ID,
                  UUID.nameUUIDFromBytes(
                      ("contact-merge:" + mergeId + ":" + number).getBytes(StandardCharsets.UTF_8)))
              .set(TICKET_EVENTS.TICKET_NUMBER, number)
              .set(TICKET_EVENTS.TICKET_VERSION, version)
              .set(TICKET_EVENTS.KIND, "UPDATED")
              .set(TICKET_EVENTS.ACTOR_KIND, actorKind)
              .set(TICKET_EVENTS.ACTOR_ID, actorId)
              .set(TICKET_EVENTS.ACTOR_NAME, actorName)
              .set(TICKET_EVENTS.COMMENT, merge.getComment())
              .set(TICKET_EVENTS.CHANGES, JSONB.valueOf(changes))
              .set(TICKET_EVENTS.OCCURRED_AT, now)
              .onConflictDoNothing()
              .execute();
          return true;
        });
  }

  /** A ticket the merge could not move, with the last error (shown; asking again retries). */
  public void recordFailure(long mergeId, long number, String error, OffsetDateTime now) {
    dsl.insertInto(CONTACT_MERGE_FAILURES)
        .set(CONTACT_MERGE_FAILURES.MERGE_ID, mergeId)
        .set(CONTACT_MERGE_FAILURES.TICKET_NUMBER, number)
        .set(CONTACT_MERGE_FAILURES.ERROR, error)
        .set(CONTACT_MERGE_FAILURES.FAILED_AT, now)
        .onConflict(CONTACT_MERGE_FAILURES.MERGE_ID, CONTACT_MERGE_FAILURES.TICKET_NUMBER)
        .doUpdate()
        .set(CONTACT_MERGE_FAILURES.ERROR, error)
        .set(CONTACT_MERGE_FAILURES.FAILED_AT, now)
        .execute();
  }

  public List<ContactMergeFailuresRecord> failures(long mergeId) {
    return dsl.selectFrom(CONTACT_MERGE_FAILURES)
        .where(CONTACT_MERGE_FAILURES.MERGE_ID.eq(mergeId))
        .orderBy(CONTACT_MERGE_FAILURES.TICKET_NUMBER)
        .fetch();
  }

  /** DONE when the merged contact reports no ticket any more, else INCOMPLETE. */
  public void finish(long mergeId, OffsetDateTime now) {
    ContactMergesRecord merge = find(mergeId).orElseThrow();
    dsl.update(CONTACT_MERGES)
        .set(CONTACT_MERGES.STATUS, ticketCount(merge.getMergedId()) == 0 ? DONE : INCOMPLETE)
        .set(CONTACT_MERGES.FINISHED_AT, now)
        .where(CONTACT_MERGES.ID.eq(mergeId))
        .execute();
  }
}
