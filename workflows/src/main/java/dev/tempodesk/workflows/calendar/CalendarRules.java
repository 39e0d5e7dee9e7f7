package dev.tempodesk.workflows.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one home of what makes a business calendar valid. Every check reports the field it is about
 * in the request's terms ({@code zone}, {@code hours.MONDAY[1].end}, {@code holidays[3]}), so the
 * API can answer 422 naming it and workflow code can trust any calendar it holds.
 */
final class CalendarRules {
  static final int MAX_RANGES_PER_DAY = 24;
  static final int MAX_HOLIDAYS = 5000;

  private CalendarRules() {}

  static List<CalendarViolation> check(
      String zone, Map<DayOfWeek, List<TimeRange>> hours, List<LocalDate> holidays) {
    List<CalendarViolation> violations = new ArrayList<>();
    checkZone(zone, violations);
    if (hours == null) {
      violations.add(new CalendarViolation("hours", "Give the opening hours per weekday."));
    } else {
      boolean anyOpen = false;
      for (DayOfWeek day : DayOfWeek.values()) {
        anyOpen |= checkDay(day, hours.get(day), violations);
      }
      if (!anyOpen && violations.isEmpty()) {
        violations.add(
            new CalendarViolation(
                "hours",
                "The calendar is never open: give at least one range, e.g. MONDAY 09:00–17:00."));
      }
    }
    if (holidays != null) {
      if (holidays.size() > MAX_HOLIDAYS) {
        violations.add(new CalendarViolation("holidays", "At most " + MAX_HOLIDAYS + " holidays."));
      }
      for (int i = 0; i < holidays.size(); i++) {
        if (holidays.get(i) == null) {
          violations.add(new CalendarViolation("holidays[" + i + "]", "Must be a date."));
        }
      }
    }
    return violations;
  }

  /** The weekday a key of {@code hours} names, or null after reporting why it names none. */
  static DayOfWeek day(String key, List<CalendarViolation> violations) {
    try {
      return DayOfWeek.valueOf(key);
    } catch (IllegalArgumentException | NullPointerException notADay) {
      violations.add(
          new CalendarViolation(
              "hours." + key, "Not a day of the week; use MONDAY, TUESDAY, … SUNDAY."));
      return null;
    }
  }

  /** The date {@code holidays[index]} gives, or null after reporting why it gives none. */
  static LocalDate holiday(String value, int index, List<CalendarViolation> violations) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException | NullPointerException notADate) {
      violations.add(
          new CalendarViolation(
              "holidays[" + index + "]", "Must be a date as YYYY-MM-DD, e.g. 2026-12-25."));
      return null;
    }
  }

  private static void checkZone(String zone, List<CalendarViolation> violations) {
    if (zone == null || zone.isBlank()) {
      violations.add(new CalendarViolation("zone", "Give a time zone, e.g. Europe/Berlin."));
      return;
    }
    try {
      ZoneId.of(zone);
    } catch (DateTimeException unknown) {
      violations.add(
          new CalendarViolation(
              "zone", "Unknown time zone \"" + zone + "\"; use an IANA id such as Europe/Berlin."));
    }
  }

  /** Checks one weekday's ranges; true if it has at least one well-formed range. */
  private static boolean checkDay(
      DayOfWeek day, List<TimeRange> ranges, List<CalendarViolation> violations) {
    if (ranges == null || ranges.isEmpty()) {
      return false;
    }
    String field = "hours." + day;
    if (ranges.size() > MAX_RANGES_PER_DAY) {
      violations.add(
          new CalendarViolation(field, "At most " + MAX_RANGES_PER_DAY + " ranges a day."));
      return false;
    }
    List<Integer> wellFormed = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      if (checkRange(field + "[" + i + "]", ranges.get(i), violations)) {
        wellFormed.add(i);
      }
    }
    wellFormed.sort(Comparator.comparingInt(i -> ranges.get(i).startSecond()));
    for (int k = 1; k < wellFormed.size(); k++) {
      TimeRange earlier = ranges.get(wellFormed.get(k - 1));
      int later = wellFormed.get(k);
      if (ranges.get(later).startSecond() < earlier.endSecond()) {
        violations.add(
            new CalendarViolation(
                field + "[" + later + "].start",
                "Overlaps %s[%d] (%s); ranges of a day must not overlap."
                    .formatted(field, wellFormed.get(k - 1), earlier)));
      }
    }
    return !wellFormed.isEmpty();
  }

  private static boolean checkRange(
      String field, TimeRange range, List<CalendarViolation> violations) {
    if (range == null) {
      violations.add(new CalendarViolation(field, "Give a range with start and end."));
      return false;
    }
    int start = TimeRange.secondOfDay(range.start());
    int end = TimeRange.secondOfDay(range.end());
    boolean ok = true;
    if (start < 0 || start >= 86_400) {
      violations.add(
          new CalendarViolation(field + ".start", "Must be a time HH:MM from 00:00 to 23:59."));
      ok = false;
    }
    if (end < 0) {
      violations.add(
          new CalendarViolation(
              field + ".end", "Must be a time HH:MM up to 24:00 (the end of the day)."));
      ok = false;
    }
    if (ok && end <= start) {
      violations.add(
          new CalendarViolation(
              field + ".end",
              "Must be after start %s; an overnight shift is two ranges, 22:00–24:00 on one day and 00:00–06:00 on the next."
                  .formatted(range.start())));
      ok = false;
    }
    return ok;
  }
}
