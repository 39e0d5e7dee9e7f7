package dev.tempodesk.workflows.calendar;

import java.util.List;

/** A business calendar that cannot be used; lists every reason, the first one as the message. */
public class InvalidCalendarException extends IllegalArgumentException {
  private final transient List<CalendarViolation> violations;

  public InvalidCalendarException(List<CalendarViolation> violations) {
    super(violations.getFirst().field() + ": " + violations.getFirst().message());
    this.violations = List.copyOf(violations);
  }

  public List<CalendarViolation> violations() {
    return violations;
  }

  /** The first violation: the field a single-field refusal names. */
  public CalendarViolation first() {
    return violations.getFirst();
  }
}
