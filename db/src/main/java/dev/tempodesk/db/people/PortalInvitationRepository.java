package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.PORTAL_INVITATIONS;

import dev.tempodesk.db.jooq.tables.records.PortalInvitationsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Invitations to the customer portal (V50): only the token's hash is stored. */
@Repository
public class PortalInvitationRepository {
  private final DSLContext dsl;

  public PortalInvitationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A new invitation; the contact's earlier open ones are replaced (their links stop working). */
  public PortalInvitationsRecord insert(
      long contactId,
      String tokenHash,
      Long invitedBy,
      OffsetDateTime now,
      OffsetDateTime expires) {
    return dsl.transactionResult(
        tx -> {
          tx.dsl()
              .update(PORTAL_INVITATIONS)
              .set(PORTAL_INVITATIONS.REPLACED_AT, now)
              .where(
                  PORTAL_INVITATIONS.CONTACT_ID.eq(contactId),
                  PORTAL_INVITATIONS.ACCEPTED_AT.isNull(),
                  PORTAL_INVITATIONS.REPLACED_AT.isNull())
              .execute();
          return tx.dsl()
              .insertInto(PORTAL_INVITATIONS)
              .set(PORTAL_INVITATIONS.CONTACT_ID, contactId)
              .set(PORTAL_INVITATIONS.TOKEN_HASH, tokenHash)
              .set(PORTAL_INVITATIONS.INVITED_BY, invitedBy)
              .set(PORTAL_INVITATIONS.SENT_AT, now)
              .set(PORTAL_INVITATIONS.EXPIRES_AT, expires)
              .returning()
              .fetchOne();
        });
  }

  /** An invitation that could not be mailed never works. */
  public void delete(long id) {
    dsl.deleteFrom(PORTAL_INVITATIONS).where(PORTAL_INVITATIONS.ID.eq(id)).execute();
  }

  public Optional<PortalInvitationsRecord> findByHash(String tokenHash) {
    return dsl.selectFrom(PORTAL_INVITATIONS)
        .where(PORTAL_INVITATIONS.TOKEN_HASH.eq(tokenHash))
        .fetchOptional();
  }

  /**
   * Uses the invitation once: answers it if it was open (not accepted, not replaced, not expired at
   * {@code now}) and marks it accepted, in one statement, so two uses at once cannot both win.
   */
  public Optional<PortalInvitationsRecord> accept(String tokenHash, OffsetDateTime now) {
    return dsl.update(PORTAL_INVITATIONS)
        .set(PORTAL_INVITATIONS.ACCEPTED_AT, now)
        .where(
            PORTAL_INVITATIONS.TOKEN_HASH.eq(tokenHash),
            PORTAL_INVITATIONS.ACCEPTED_AT.isNull(),
            PORTAL_INVITATIONS.REPLACED_AT.isNull(),
            PORTAL_INVITATIONS.EXPIRES_AT.gt(now))
        .returning()
        .fetchOptional();
  }

  /** The contact's invitations, newest first. */
  public List<PortalInvitationsRecord> ofContact(long contactId) {
    return dsl.selectFrom(PORTAL_INVITATIONS)
        .where(PORTAL_INVITATIONS.CONTACT_ID.eq(contactId))
        .orderBy(PORTAL_INVITATIONS.ID.desc())
        .fetch();
  }
}
