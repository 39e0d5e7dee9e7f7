package dev.tempodesk.activities.nylas;

/** A participant; Nylas omits {@code name} when the provider has none. */
public record EmailAddress(String name, String email) {
  public EmailAddress {
    name = Texts.storable(name);
    email = Texts.storable(email);
  }

  public static EmailAddress of(String email) {
    return new EmailAddress(null, email);
  }
}
