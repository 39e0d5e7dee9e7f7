package dev.tempodesk.db.mail;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;

import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Connected mailboxes (one Nylas grant each) and their sync position. */
@Repository
public class MailboxRepository {
  private final DSLContext dsl;

  public MailboxRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The mailbox of this grant, created or refreshed (re-connecting reuses the grant, its row and
   * its cursor). Connecting again ends a "needs reconnect" episode.
   */
  public MailboxesRecord upsert(String grantId, String email, String provider) {
    return dsl.insertInto(MAILBOXES)
        .set(MAILBOXES.GRANT_ID, grantId)
        .set(MAILBOXES.EMAIL, email.toLowerCase())
        .set(MAILBOXES.PROVIDER, provider)
        .onConflict(MAILBOXES.GRANT_ID)
        .doUpdate()
        .set(MAILBOXES.EMAIL, email.toLowerCase())
        .set(MAILBOXES.PROVIDER, provider)
        .set(MAILBOXES.ACTIVE, true)
        .setNull(MAILBOXES.NEEDS_RECONNECT_SINCE)
        .setNull(MAILBOXES.RECONNECT_CHECKED_AT)
        .returning()
        .fetchOne();
  }

  /**
   * The mailbox of a grant whose address is not known yet (Nylas could not be asked), created if
   * missing; an existing row is returned unchanged.
   */
  public MailboxesRecord registerGrant(String grantId) {
    dsl.insertInto(MAILBOXES)
        .set(MAILBOXES.GRANT_ID, grantId)
        .onConflict(MAILBOXES.GRANT_ID)
        .doNothing()
        .execute();
    return findByGrant(grantId).orElseThrow();
  }

  /** Why the latest pass failed; shown until a pass succeeds. */
  public void recordSyncError(long mailboxId, String error, OffsetDateTime at) {
    dsl.update(MAILBOXES)
        .set(MAILBOXES.SYNC_ERROR, error)
        .set(MAILBOXES.SYNC_ERROR_AT, at)
        .where(MAILBOXES.ID.eq(mailboxId))
        .execute();
  }

  /**
   * Nylas refused the grant: the mailbox waits for a reconnect. True only for the call that started
   * the episode, so its caller tells the admins once.
   */
  public boolean markNeedsReconnect(long mailboxId, String reason, OffsetDateTime at) {
    boolean started =
        dsl.update(MAILBOXES)
                .set(MAILBOXES.NEEDS_RECONNECT_SINCE, at)
                .set(MAILBOXES.SYNC_ERROR, reason)
                .set(MAILBOXES.SYNC_ERROR_AT, at)
                .set(MAILBOXES.RECONNECT_CHECKED_AT, at)
                .where(MAILBOXES.ID.eq(mailboxId))
                .and(MAILBOXES.NEEDS_RECONNECT_SINCE.isNull())
                .execute()
            == 1;
    if (!started) {
      recordReconnectCheck(mailboxId, at); // the episode keeps its first reason
    }
    return started;
  }

  /** The sync tried the refused grant again (and it is still refused, or not yet known). */
  public void recordReconnectCheck(long mailboxId, OffsetDateTime at) {
    dsl.update(MAILBOXES)
        .set(MAILBOXES.RECONNECT_CHECKED_AT, at)
        .where(MAILBOXES.ID.eq(mailboxId))
        .execute();
  }

  /** The address and provider Nylas has for the grant, once it could be asked. */
  public void recordAddress(long mailboxId, String email, String provider) {
    dsl.update(MAILBOXES)
        .set(MAILBOXES.EMAIL, email.toLowerCase())
        .set(MAILBOXES.PROVIDER, provider)
        .where(MAILBOXES.ID.eq(mailboxId))
        .execute();
  }

  public Optional<MailboxesRecord> find(long id) {
    return dsl.selectFrom(MAILBOXES).where(MAILBOXES.ID.eq(id)).fetchOptional();
  }

  public Optional<MailboxesRecord> findByGrant(String grantId) {
    return dsl.selectFrom(MAILBOXES).where(MAILBOXES.GRANT_ID.eq(grantId)).fetchOptional();
  }

  public List<MailboxesRecord> listActive() {
    return dsl.selectFrom(MAILBOXES).where(MAILBOXES.ACTIVE).orderBy(MAILBOXES.ID).fetch();
  }

  /**
   * The mailbox a ticket's replies are sent from: its own ({@code ticketMailboxId}), or for a
   * ticket opened by phone or in the portal the first connected one.
   */
  public Optional<MailboxesRecord> replyingFor(Long ticketMailboxId) {
    return ticketMailboxId != null ? find(ticketMailboxId) : listActive().stream().findFirst();
  }

  public List<MailboxesRecord> listAll() {
    return dsl.selectFrom(MAILBOXES).orderBy(MAILBOXES.ID).fetch();
  }

  /**
   * Records a finished pass. The cursor never moves backwards. A pass that got through clears the
   * failure shown before and ends a "needs reconnect" episode (the grant works again).
   */
  public void recordPass(long mailboxId, Long cursor, OffsetDateTime at) {
    dsl.update(MAILBOXES)
        .set(
            MAILBOXES.SYNC_CURSOR,
            DSL.greatest(DSL.coalesce(MAILBOXES.SYNC_CURSOR, cursor), DSL.val(cursor)))
        .set(MAILBOXES.LAST_SYNCED_AT, at)
        .setNull(MAILBOXES.SYNC_ERROR)
        .setNull(MAILBOXES.SYNC_ERROR_AT)
        .setNull(MAILBOXES.NEEDS_RECONNECT_SINCE)
        .setNull(MAILBOXES.RECONNECT_CHECKED_AT)
        .where(MAILBOXES.ID.eq(mailboxId))
        .execute();
  }
}
