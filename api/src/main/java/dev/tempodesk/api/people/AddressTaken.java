package dev.tempodesk.api.people;

import dev.tempodesk.api.error.FieldException;

/**
 * The 409 for an address that already belongs to someone: agents and contacts share one set of
 * addresses (V16's {@code person_addresses}), so the database refuses a second owner whichever
 * table it is in, also when two writers race.
 */
final class AddressTaken {
  private AddressTaken() {}

  static FieldException of(String field, String email) {
    return FieldException.conflict(
        field,
        "The address "
            + email
            + " already belongs to someone else (an agent or a contact); an address is one"
            + " person's.");
  }
}
