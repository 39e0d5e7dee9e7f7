package dev.tempodesk.workflows.ticket;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket update that breaks a rule, naming the request field at fault.
 *
 * <p>The SDK turns an exception thrown by an update validator into a failure that keeps only the
 * exception's class name and message (an {@code ApplicationFailure}'s type and details are lost on
 * that path). So the failure kind and field travel in the message, {@code "KIND field: text"}, and
 * the update handler raises the same type and message, giving callers one shape to decode.
 */
public class TicketRuleViolation extends RuntimeException {
  public static final String FAILURE_TYPE = TicketRuleViolation.class.getName();
  private static final Pattern ENCODED =
      Pattern.compile("^([A-Z_]+) (\\S+): (.*)$", Pattern.DOTALL);

  private final TicketFailure failure;
  private final String field;
  private final String text;

  public TicketRuleViolation(TicketFailure failure, String field, String text) {
    super(failure.name() + " " + field + ": " + text);
    this.failure = failure;
    this.field = field;
    this.text = text;
  }

  public static TicketRuleViolation invalid(String field, String text) {
    return new TicketRuleViolation(TicketFailure.INVALID_FIELD, field, text);
  }

  /** Recovers the violation from the failure a caller received, if it is one. */
  public static Optional<TicketRuleViolation> from(ApplicationFailure failure) {
    if (!FAILURE_TYPE.equals(failure.getType())) {
      return Optional.empty();
    }
    Matcher matcher = ENCODED.matcher(failure.getOriginalMessage());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new TicketRuleViolation(
            TicketFailure.valueOf(matcher.group(1)), matcher.group(2), matcher.group(3)));
  }

  /** The same violation as a failure that rejects an update without failing the workflow. */
  public ApplicationFailure toFailure() {
    return ApplicationFailure.newNonRetryableFailure(getMessage(), FAILURE_TYPE);
  }

  public TicketFailure failure() {
    return failure;
  }

  public String field() {
    return field;
  }

  /** The human-readable explanation, without kind and field. */
  public String text() {
    return text;
  }
}
