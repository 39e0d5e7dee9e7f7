package dev.tempodesk.workflows.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * When a support team works: a time zone, opening ranges per weekday in local wall-clock time
 * (several a day, see {@link TimeRange}) and holidays, whole local dates on which it is closed.
 *
 * <p><b>Business time</b> is the elapsed (real) time during which the calendar is open; an instant
 * is open when its local date in {@link #zone} is no holiday and its local time lies in a range of
 * that date's weekday. So a DST change outside opening hours moves nothing, and one inside them
 * counts the hours that really pass: a 00:00–04:00 range holds 3 hours on a spring-forward night at
 * 02:00 and 5 on a fall-back one. The maths is pure and deterministic (no clock, no default zone),
 * so workflow code may use it.
 *
 * <p>The record is the serialised form (workflow state, the API's JSON): the constructor checks it
 * ({@link InvalidCalendarException} names the field) and makes it canonical — all seven days in
 * order, each day's ranges sorted by start, holidays sorted without repeats.
 */
public record BusinessCalendar(
    String zone, Map<DayOfWeek, List<TimeRange>> hours, List<LocalDate> holidays) {

  private static final TimeRange WHOLE_DAY = new TimeRange("00:00", "24:00");

  public BusinessCalendar {
    List<CalendarViolation> violations = CalendarRules.check(zone, hours, holidays);
    if (!violations.isEmpty()) {
      throw new InvalidCalendarException(violations);
    }
    zone = ZoneId.of(zone).getId();
    EnumMap<DayOfWeek, List<TimeRange>> sorted = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      List<TimeRange> given = hours.get(day);
      List<TimeRange> ranges = given == null ? new ArrayList<>() : new ArrayList<>(given);
      ranges.sort(Comparator.comparingInt(TimeRange::startSecond));
      sorted.put(day, List.copyOf(ranges));
    }
    hours = Collections.unmodifiableMap(sorted);
    holidays = holidays == null ? List.of() : List.copyOf(new TreeSet<>(holidays));
  }

  /** Open every second of every day: the default calendar, business time = elapsed time. */
  public static BusinessCalendar alwaysOpen() {
    EnumMap<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      hours.put(day, List.of(WHOLE_DAY));
    }
    return new BusinessCalendar("UTC", hours, List.of());
  }

  /**
   * A calendar from request-shaped input (weekday names and ISO dates as text), refusing with every
   * violation at once, each naming its field.
   */
  public static BusinessCalendar parse(
      String zone, Map<String, List<TimeRange>> hours, List<String> holidays) {
    List<CalendarViolation> violations = new ArrayList<>();
    Map<DayOfWeek, List<TimeRange>> days = null;
    if (hours != null) {
      days = new EnumMap<>(DayOfWeek.class);
      for (Map.Entry<String, List<TimeRange>> entry : hours.entrySet()) {
        DayOfWeek day = CalendarRules.day(entry.getKey(), violations);
        if (day != null) {
          days.put(day, entry.getValue());
        }
      }
    }
    List<LocalDate> dates = new ArrayList<>();
    if (holidays != null) {
      for (int i = 0; i < holidays.size(); i++) {
        LocalDate date = CalendarRules.holiday(holidays.get(i), i, violations);
        if (date != null) {
          dates.add(date);
        }
      }
    }
    if (!violations.isEmpty()) {
      violations.addAll(CalendarRules.check(zone, days, List.of()));
      throw new InvalidCalendarException(violations);
    }
    return new BusinessCalendar(zone, days, dates);
  }

  public static Builder in(String zone) {
    return new Builder(zone);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  /** The same calendar with {@code more} holidays added (repeats are ignored). */
  public BusinessCalendar withHolidays(Collection<LocalDate> more) {
    List<LocalDate> all = new ArrayList<>(holidays);
    all.addAll(more);
    return new BusinessCalendar(zone, hours, all);
  }

  /** Whether every instant is open (no holidays, every day 00:00–24:00). */
  public boolean roundTheClock() {
    return holidays.isEmpty()
        && hours.values().stream().allMatch(ranges -> ranges.equals(List.of(WHOLE_DAY)));
  }

  /**
   * The instant at which {@code business} time has been open since {@code start}: the earliest
   * instant {@code due} with {@code businessTimeBetween(start, due) == business}. Zero gives {@code
   * start}; a negative duration counts backwards (the latest instant before {@code start} with that
   * much open time up to it), which is how an overdue clock that resumes keeps its debt.
   */
  public Instant addBusinessTime(Instant start, Duration business) {
    return new BusinessTime(this).add(start, business);
  }

  /** Open time from {@code a} to {@code b}; negative when {@code b} is before {@code a}. */
  public Duration businessTimeBetween(Instant a, Instant b) {
    return new BusinessTime(this).between(a, b);
  }

  public boolean isOpen(Instant instant) {
    return new BusinessTime(this).isOpen(instant);
  }

  /** {@code instant} itself if open, else the instant the calendar next opens. */
  public Instant nextOpening(Instant instant) {
    return new BusinessTime(this).nextOpening(instant);
  }

  /** Builds a calendar in code (tests, seeds): {@code in("Europe/Berlin").open(...).build()}. */
  public static final class Builder {
    private final String zone;
    private final Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    private final List<LocalDate> holidays = new ArrayList<>();

    private Builder(String zone) {
      this.zone = zone;
    }

    /** Opens {@code start}–{@code end} on each day from {@code first} to {@code last}, wrapping. */
    public Builder open(DayOfWeek first, DayOfWeek last, String start, String end) {
      for (DayOfWeek day = first; ; day = day.plus(1)) {
        open(day, start, end);
        if (day == last) {
          return this;
        }
      }
    }

    public Builder open(DayOfWeek day, String start, String end) {
      hours.computeIfAbsent(day, d -> new ArrayList<>()).add(new TimeRange(start, end));
      return this;
    }

    public Builder holiday(LocalDate... dates) {
      holidays.addAll(List.of(dates));
      return this;
    }

    public BusinessCalendar build() {
      return new BusinessCalendar(zone, hours, holidays);
    }
  }
}
