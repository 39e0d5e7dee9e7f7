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

  /** The mailbox of this grant, created or refreshed (re-connecting reuses the grant). */
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
        .returning()
        .fetchOne();
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

  public List<MailboxesRecord> listAll() {
    return dsl.selectFrom(MAILBOXES).orderBy(MAILBOXES.ID).fetch();
  }

  /** Records a finished pass. The cursor never moves backwards. */
  public void recordPass(long mailboxId, Long cursor, OffsetDateTime at) {
    dsl.update(MAILBOXES)
        .set(
            MAILBOXES.SYNC_CURSOR,
            DSL.greatest(DSL.coalesce(MAILBOXES.SYNC_CURSOR, cursor), DSL.val(cursor)))
        .set(MAILBOXES.LAST_SYNCED_AT, at)
        .where(MAILBOXES.ID.eq(mailboxId))
        .execute();
  }
}
