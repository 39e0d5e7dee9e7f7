package dev.tempodesk.api.sla;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.sla.TicketSelection;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin's change to the SLA policies or a business calendar means for live tickets: which
 * ones to recalculate and why, or nothing. The one home of that rule:
 *
 * <ul>
 *   <li>a policy's calendar, targets or pause rules changed: the live tickets it governs;
 *   <li>the seeded Default edited while it followed the configuration: every live ticket, since the
 *       tickets it governed run on the configured defaults and carry no policy id;
 *   <li>its conditions changed, a policy was added, or the order changed: every live ticket, since
 *       the first match by position may now be another policy;
 *   <li>a policy was removed: the live tickets it governed (no other ticket's first match moves);
 *   <li>a calendar's zone, hours or holidays changed: the live tickets whose clocks count in it;
 *   <li>a rename, a new calendar, a calendar deleted (refused while a policy uses it), or a change
 *       that changes nothing (a double submit): nothing.
 * </ul>
 *
 * @param key names the change in the recalculation's workflow id, so one change is recalculated
 *     once
 */
public record SlaChange(String key, TicketSelection selection, String reason) {

  /**
   * @param followedConfiguration the policy was the seeded Default following the configuration
   *     before this edit (which ends that)
   */
  static Optional<SlaChange> policyReplaced(
      long id,
      SlaPolicyRules before,
      SlaPolicyRules after,
      boolean followedConfiguration,
      Instant updatedAt) {
    String reason = "policy \"" + after.name() + "\" changed";
    String key = "policy-" + id + "-" + updatedAt.toEpochMilli();
    if (followedConfiguration || !before.conditions().equals(after.conditions())) {
      return Optional.of(new SlaChange(key, TicketSelection.all(), reason));
    }
    if (before.calendarId() != after.calendarId()
        || !before.targets().equals(after.targets())
        || !before.pauses().equals(after.pauses())) {
      return Optional.of(new SlaChange(key, TicketSelection.policy(id), reason));
    }
    return Optional.empty();
  }

  static SlaChange policyAdded(long id, String name) {
    return new SlaChange(
        "policy-" + id + "-added", TicketSelection.all(), "policy \"" + name + "\" added");
  }

  static SlaChange policyRemoved(long id, String name) {
    return new SlaChange(
        "policy-" + id + "-removed", TicketSelection.policy(id), "policy \"" + name + "\" removed");
  }

  static Optional<SlaChange> reordered(List<Long> before, List<Long> after, Instant at) {
    if (before.equals(after)) {
      return Optional.empty();
    }
    return Optional.of(
        new SlaChange("order-" + at.toEpochMilli(), TicketSelection.all(), "policies reordered"));
  }

  /** A calendar replaced or its holidays imported. */
  public static Optional<SlaChange> calendarReplaced(
      long id, String name, BusinessCalendar before, BusinessCalendar after, Instant updatedAt) {
    if (Objects.equals(before, after)) {
      return Optional.empty();
    }
    return Optional.of(
        new SlaChange(
            "calendar-" + id + "-" + updatedAt.toEpochMilli(),
            TicketSelection.calendar(id),
            "calendar \"" + name + "\" changed"));
  }
}
