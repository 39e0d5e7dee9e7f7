package dev.tempodesk.activities.nylas;

import dev.tempodesk.workflows.mail.HeaderText;

/**
 * A participant; Nylas omits {@code name} when the provider has none. Both parts are header text,
 * made one line without control characters ({@link HeaderText}) as they are read and before they
 * are sent.
 */
public record EmailAddress(String name, String email) {
  public EmailAddress {
    name = HeaderText.clean(name);
    email = HeaderText.clean(email);
  }

  public static EmailAddress of(String email) {
    return new EmailAddress(null, email);
  }
}
