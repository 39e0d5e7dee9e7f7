package dev.tempodesk.workflows.mail;

import java.util.Optional;

/**
 * The outcome of reading one address: the mailbox, or why the input is not an address.
 *
 * @param input the text that was read (for a list: this element's part of it)
 * @param address the mailbox, null when refused
 * @param problem why it was refused, null when valid; never repeats the input
 */
public record ParsedAddress(String input, MailAddress address, String problem) {

  static ParsedAddress valid(String input, MailAddress address) {
    return new ParsedAddress(input, address, null);
  }

  static ParsedAddress refused(String input, String problem) {
    return new ParsedAddress(input, null, problem);
  }

  public boolean isValid() {
    return address != null;
  }

  public Optional<MailAddress> toOptional() {
    return Optional.ofNullable(address);
  }

  /** The mailbox; a refused input throws {@link InvalidAddressException} with the reason. */
  public MailAddress orElseThrow() {
    if (address == null) {
      throw new InvalidAddressException(input, problem);
    }
    return address;
  }

  /** For logs and error messages: the input (cut at 200 characters) and the problem. */
  public String describe() {
    String shown = input == null ? "null" : input;
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "…";
    }
    shown = "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return isValid() ? shown : shown + " (" + problem + ")";
  }
}
