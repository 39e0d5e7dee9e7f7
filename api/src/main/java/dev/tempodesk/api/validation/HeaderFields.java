package dev.tempodesk.api.validation;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.workflows.mail.HeaderText;

/**
 * Request fields whose text ends up in a mail header (a ticket's subject, a person's name), checked
 * with {@link HeaderText}: a line break or control character is refused, 422 naming the field, so
 * nobody can add a header ({@code "Hi\r\nBcc: x@y"}) to the mail Tempodesk sends.
 */
public final class HeaderFields {
  private HeaderFields() {}

  /** The value unchanged when it is one line without control characters; null passes. */
  public static String require(String field, String value) {
    HeaderText.problem(value)
        .ifPresent(
            problem -> {
              throw FieldException.invalid(field, problem);
            });
    return value;
  }
}
