package dev.tempodesk.activities.ticket;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import java.util.Optional;

/**
 * The reporter's email for the {@code CustomerEmail} search attribute, looked up when a ticket's
 * workflow starts: ops find every workflow of one customer in the Temporal UI by it.
 */
@FunctionalInterface
public interface ReporterEmails {
  Optional<String> of(long contactId);

  /** For rigs that do not look at Temporal's visibility: the attribute stays unset. */
  static ReporterEmails none() {
    return contactId -> Optional.empty();
  }

  static ReporterEmails from(ContactRepository contacts) {
    return contactId -> contacts.find(contactId).map(ContactsRecord::getEmail);
  }
}
