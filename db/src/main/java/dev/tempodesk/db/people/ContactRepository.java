package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.PERSON_ADDRESSES;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Contacts: the customers who report tickets. Email addresses are stored in the canonical form of
 * the one address parser (workflows {@code MailAddresses}); callers pass that form (this module
 * cannot see the parser), and V11's check refuses anything else.
 */
@Repository
public class ContactRepository {
  private final DSLContext dsl;

  public ContactRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<ContactsRecord> find(long id) {
    return dsl.selectFrom(CONTACTS).where(CONTACTS.ID.eq(id)).fetchOptional();
  }

  /** The contact, or the one it was merged into (following merges, V49). */
  public Optional<ContactsRecord> findCurrent(long id) {
    Optional<ContactsRecord> contact = find(id);
    for (int hop = 0; hop < 20 && contact.map(ContactsRecord::getMergedIntoId).isPresent(); hop++) {
      contact = find(contact.get().getMergedIntoId());
    }
    return contact;
  }

  /**
   * The contact an address belongs to: its owner in {@code person_addresses} (a contact owns its
   * own address and those of contacts merged into it, V49), else the contact whose address it is
   * (one that shares it with an agent, V16). The one lookup of contacts by address: inbound mail,
   * the portal's sign-in and ticket creation all come here.
   */
  public Optional<ContactsRecord> findByEmail(String email) {
    String normalized = email.toLowerCase();
    var byAddress = CONTACTS.as("by_address");
    return dsl.selectFrom(CONTACTS)
        .where(
            CONTACTS.ID.eq(
                DSL.coalesce(
                    DSL.field(
                        DSL.select(PERSON_ADDRESSES.CONTACT_ID)
                            .from(PERSON_ADDRESSES)
                            .where(PERSON_ADDRESSES.EMAIL.eq(normalized))),
                    DSL.field(
                        DSL.select(byAddress.ID)
                            .from(byAddress)
                            .where(byAddress.EMAIL.eq(normalized))))))
        .fetchOptional();
  }

  /** The contact with this address, created if unknown (safe under concurrent callers). */
  public ContactsRecord findOrCreate(String email, String displayName, Long organizationId) {
    String normalized = email.toLowerCase();
    Optional<ContactsRecord> known = findByEmail(normalized);
    if (known.isPresent()) {
      return known.get();
    }
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

  /**
   * Contacts by name or email (case-insensitive substring), optionally of one organization; merged
   * contacts are left out.
   */
  public List<ContactsRecord> list(String text, Long organizationId, int limit) {
    List<Condition> conditions = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      String pattern =
          "%" + text.strip().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
      conditions.add(
          CONTACTS.EMAIL.like(pattern).or(DSL.lower(CONTACTS.DISPLAY_NAME).like(pattern)));
    }
    if (organizationId != null) {
      conditions.add(CONTACTS.ORGANIZATION_ID.eq(organizationId));
    }
    conditions.add(CONTACTS.MERGED_INTO_ID.isNull());
    return dsl.selectFrom(CONTACTS)
        .where(conditions)
        .orderBy(CONTACTS.DISPLAY_NAME, CONTACTS.ID)
        .limit(limit)
        .fetch();
  }

  /** A new contact; a duplicate email raises DuplicateKeyException. */
  public ContactsRecord insert(String email, String displayName, Long organizationId) {
    return dsl.insertInto(CONTACTS)
        .set(CONTACTS.EMAIL, email.toLowerCase())
        .set(CONTACTS.DISPLAY_NAME, displayName)
        .set(CONTACTS.ORGANIZATION_ID, organizationId)
        .returning()
        .fetchOne();
  }

  public ContactsRecord update(long id, String email, String displayName, Long organizationId) {
    return dsl.update(CONTACTS)
        .set(CONTACTS.EMAIL, email.toLowerCase())
        .set(CONTACTS.DISPLAY_NAME, displayName)
        .set(CONTACTS.ORGANIZATION_ID, organizationId)
        .set(CONTACTS.UPDATED_AT, OffsetDateTime.now())
        .where(CONTACTS.ID.eq(id))
        .returning()
        .fetchOne();
  }

  /**
   * Opens or closes the customer portal for a contact. A null hash keeps the current password;
   * closing the portal forgets it.
   */
  public ContactsRecord setPortalAccess(long id, boolean access, String passwordHash) {
    var update = dsl.update(CONTACTS).set(CONTACTS.PORTAL_ACCESS, access);
    if (!access) {
      update = update.set(CONTACTS.PASSWORD_HASH, (String) null);
    } else if (passwordHash != null) {
      update = update.set(CONTACTS.PASSWORD_HASH, passwordHash);
    }
    return update
        .set(CONTACTS.UPDATED_AT, OffsetDateTime.now())
        .where(CONTACTS.ID.eq(id))
        .returning()
        .fetchOne();
  }

  public void grantPortalAccess(long contactId) {
    dsl.update(CONTACTS)
        .set(CONTACTS.PORTAL_ACCESS, true)
        .where(CONTACTS.ID.eq(contactId))
        .execute();
  }
}
