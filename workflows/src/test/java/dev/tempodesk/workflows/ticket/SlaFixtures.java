package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Calendars and applied policies for the business-time SLA tests (Europe/Berlin). */
final class SlaFixtures {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private SlaFixtures() {}

  /** Monday to Friday, {@code start}–{@code end} in Berlin, with these holidays. */
  static BusinessCalendar weekdays(String start, String end, LocalDate... holidays) {
    return BusinessCalendar.in("Europe/Berlin")
        .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, start, end)
        .holiday(holidays)
        .build();
  }

  /** The instant of a Berlin wall-clock time, e.g. {@code berlin("2026-12-04T17:55")}. */
  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }

  /** Builds a policy: {@code policy(3, "Enterprise", calendar).target(...).build()}. */
  static Builder policy(long id, String name, BusinessCalendar calendar) {
    return new Builder(id, name, calendar);
  }

  static final class Builder {
    private final long id;
    private final String name;
    private final BusinessCalendar calendar;
    private final Map<Priority, Map<SlaMetric, Duration>> targets = new EnumMap<>(Priority.class);
    private final Map<SlaMetric, Set<PendingReason>> pauses = new EnumMap<>(SlaMetric.class);

    private Builder(long id, String name, BusinessCalendar calendar) {
      this.id = id;
      this.name = name;
      this.calendar = calendar;
      pauses.putAll(SlaPolicyRules.defaultPauses());
    }

    /** Sets a target for every priority. */
    Builder target(SlaMetric metric, Duration target) {
      for (Priority priority : Priority.values()) {
        target(priority, metric, target);
      }
      return this;
    }

    Builder target(Priority priority, SlaMetric metric, Duration target) {
      targets.computeIfAbsent(priority, p -> new EnumMap<>(SlaMetric.class)).put(metric, target);
      return this;
    }

    Builder pausedBy(SlaMetric metric, PendingReason... reasons) {
      pauses.put(metric, Set.of(reasons));
      return this;
    }

    AppliedSla build() {
      SlaPolicyRules rules =
          new SlaPolicyRules(name, (int) id, SlaPolicyRules.Conditions.NONE, id, targets, pauses);
      return new AppliedSla(id, name, id, "Calendar " + id, rules, calendar);
    }
  }
}
