package dev.tempodesk.workflows.mail;

/**
 * One mailbox: its canonical address (what contacts store and compare, see {@link MailAddresses})
 * and the display name given with it, if any.
 *
 * @param address canonical: lower case, domain as ASCII (IDN A-label) without trailing dot, local
 *     part unquoted when it is a dot-atom and quoted otherwise
 * @param displayName decoded (RFC 2047), whitespace collapsed; null when none was given
 */
public record MailAddress(String address, String displayName) {

  public String localPart() {
    return address.substring(0, address.lastIndexOf('@'));
  }

  public String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** The same address without its display name. */
  public MailAddress withoutName() {
    return new MailAddress(address, null);
  }

  /**
   * This mailbox written as RFC 5322 {@code name-addr} (or the bare address without a name), so
   * that a list of them can be joined with ", " and read back with {@link MailAddresses#parseList}:
   * a comma inside a name or a quoted local part survives.
   */
  public String formatted() {
    if (displayName == null) {
      return address;
    }
    return MailAddresses.phrase(displayName) + " <" + address + ">";
  }

  @Override
  public String toString() {
    return formatted();
  }
}
