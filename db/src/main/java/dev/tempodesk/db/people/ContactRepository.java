package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Contacts: the customers who report tickets. Email addresses are stored lower-case. */
@Repository
public class ContactRepository {
  private final DSLContext dsl;

  public ContactRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<ContactsRecord> find(long id) {
    return dsl.selectFrom(CONTACTS).where(CONTACTS.ID.eq(id)).fetchOptional();
  }

  public Optional<ContactsRecord> findByEmail(String email) {
    return dsl.selectFrom(CONTACTS).where(CONTACTS.EMAIL.eq(email.toLowerCase())).fetchOptional();
  }

  /** The contact with this address, created if unknown (safe under concurrent callers). */
  public ContactsRecord findOrCreate(String email, String displayName, Long organizationId) {
    String normalized = email.toLowerCase();
    dsl.insertInto(CONTACTS)
        .set(CONTACTS.EMAIL, normalized)
        .set(
            CONTACTS.DISPLAY_NAME,
            displayName == null || displayName.isBlank() ? normalized : displayName)
        .set(CONTACTS.ORGANIZATION_ID, organizationId)
        .onConflict(CONTACTS.EMAIL)
        .doNothing()
        .execute();
    return findByEmail(normalized).orElseThrow();
  }

  public void grantPortalAccess(long contactId) {
    dsl.update(CONTACTS)
        .set(CONTACTS.PORTAL_ACCESS, true)
        .where(CONTACTS.ID.eq(contactId))
        .execute();
  }
}
