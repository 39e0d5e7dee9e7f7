package dev.tempodesk.api.validation;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.workflows.mail.MailAddress;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;

/**
 * Request fields holding an address, read with {@link MailAddresses} (see {@link ValidAddress}).
 */
public final class Addresses {
  private Addresses() {}

  /** The mailbox of this field; an invalid one is a 422 naming the field. */
  public static MailAddress require(String field, String value) {
    ParsedAddress parsed = MailAddresses.parse(value);
    if (!parsed.isValid()) {
      throw FieldException.invalid(field, "must be an email address: " + parsed.problem());
    }
    return parsed.address();
  }

  /** The canonical address to look someone up by; input that is no address is only lower-cased. */
  public static String lookupKey(String value) {
    return MailAddresses.parse(value)
        .toOptional()
        .map(MailAddress::address)
        .orElse(value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
