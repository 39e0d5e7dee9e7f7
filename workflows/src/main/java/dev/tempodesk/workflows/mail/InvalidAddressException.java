package dev.tempodesk.workflows.mail;

/** An input that is not an email address, with the reason {@link MailAddresses} gave. */
public class InvalidAddressException extends IllegalArgumentException {
  private final String problem;

  public InvalidAddressException(String input, String problem) {
    super(ParsedAddress.refused(input, problem).describe());
    this.problem = problem;
  }

  /** Why the input was refused, without the input itself. */
  public String problem() {
    return problem;
  }
}
