package dev.tempodesk.workflows.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The business-time maths of one {@link BusinessCalendar}. Between two offset transitions of the
 * zone, local time is the instant plus a fixed offset, so the open instants of that stretch are the
 * opening ranges of its local dates shifted back by that offset: gaps, overlaps and transitions at
 * midnight need no special case. Open intervals are listed a week at a time, in order.
 */
final class BusinessTime {
  private static final long DAY = 86_400;
  private static final Duration CHUNK = Duration.ofDays(7);

  private final ZoneRules rules;
  private final int[][] starts = new int[7][];
  private final int[][] ends = new int[7][];
  private final Set<Long> holidays = new HashSet<>();
  private final boolean roundTheClock;

  /** Weeks in a row without open time after which a search gives up (only a broken calendar). */
  private final long closedWeeksLimit;

  BusinessTime(BusinessCalendar calendar) {
    rules = calendar.zoneId().getRules();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<TimeRange> ranges = calendar.hours().get(day);
      int i = day.ordinal();
      starts[i] = ranges.stream().mapToInt(TimeRange::startSecond).toArray();
      ends[i] = ranges.stream().mapToInt(TimeRange::endSecond).toArray();
    }
    for (LocalDate holiday : calendar.holidays()) {
      holidays.add(holiday.toEpochDay());
    }
    roundTheClock = calendar.roundTheClock();
    closedWeeksLimit = 530L + holidays.size();
  }

  /** One stretch of open time, {@code from} included, {@code to} excluded. */
  record Interval(Instant from, Instant to) {
    Duration length() {
      return Duration.between(from, to);
    }
  }

  boolean isOpen(Instant instant) {
    if (roundTheClock) {
      return true;
    }
    long local = instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
    long day = Math.floorDiv(local, DAY);
    if (holidays.contains(day)) {
      return false;
    }
    int second = (int) Math.floorMod(local, DAY);
    int weekday = weekday(day);
    for (int i = 0; i < starts[weekday].length; i++) {
      if (starts[weekday][i] <= second && second < ends[weekday][i]) {
        return true;
      }
    }
    return false;
  }

  Instant nextOpening(Instant instant) {
    if (roundTheClock) {
      return instant;
    }
    Instant from = instant;
    for (long week = 0; week <= closedWeeksLimit; week++) {
      List<Interval> open = openIntervals(from, from.plus(CHUNK));
      if (!open.isEmpty()) {
        return open.getFirst().from();
      }
      from = from.plus(CHUNK);
    }
    throw neverOpen(instant);
  }

  Duration between(Instant a, Instant b) {
    if (b.isBefore(a)) {
      return between(b, a).negated();
    }
    if (roundTheClock) {
      return Duration.between(a, b);
    }
    Duration total = Duration.ZERO;
    for (Interval interval : openIntervals(a, b)) {
      total = total.plus(interval.length());
    }
    return total;
  }

  Instant add(Instant start, Duration business) {
    if (roundTheClock || business.isZero()) {
      return start.plus(business);
    }
    return business.isNegative() ? backward(start, business.negated()) : forward(start, business);
  }

  private Instant forward(Instant start, Duration business) {
    Duration left = business;
    Instant from = start;
    long closedWeeks = 0;
    while (closedWeeks <= closedWeeksLimit) {
      Instant to = from.plus(CHUNK);
      List<Interval> open = openIntervals(from, to);
      for (Interval interval : open) {
        Duration length = interval.length();
        if (left.compareTo(length) <= 0) {
          return interval.from().plus(left);
        }
        left = left.minus(length);
      }
      closedWeeks = open.isEmpty() ? closedWeeks + 1 : 0;
      from = to;
    }
    throw neverOpen(from);
  }

  private Instant backward(Instant start, Duration business) {
    Duration left = business;
    Instant to = start;
    long closedWeeks = 0;
    while (closedWeeks <= closedWeeksLimit) {
      Instant from = to.minus(CHUNK);
      List<Interval> open = openIntervals(from, to);
      for (Interval interval : open.reversed()) {
        Duration length = interval.length();
        if (left.compareTo(length) <= 0) {
          return interval.to().minus(left);
        }
        left = left.minus(length);
      }
      closedWeeks = open.isEmpty() ? closedWeeks + 1 : 0;
      to = from;
    }
    throw neverOpen(to);
  }

  /** The open intervals within {@code [from, to)}, clipped to it, in order. */
  List<Interval> openIntervals(Instant from, Instant to) {
    List<Interval> open = new ArrayList<>();
    Instant cursor = from;
    while (cursor.isBefore(to)) {
      int offset = rules.getOffset(cursor).getTotalSeconds();
      ZoneOffsetTransition next = rules.nextTransition(cursor);
      Instant segmentEnd = next == null || next.getInstant().isAfter(to) ? to : next.getInstant();
      addOpenIntervals(cursor, segmentEnd, offset, open);
      cursor = segmentEnd;
    }
    return open;
  }

  /** Within {@code [from, to)}, where local time is the instant plus {@code offset} seconds. */
  private void addOpenIntervals(Instant from, Instant to, int offset, List<Interval> open) {
    long firstDay = Math.floorDiv(from.getEpochSecond() + offset, DAY);
    long lastDay = Math.floorDiv(to.getEpochSecond() + offset, DAY);
    for (long day = firstDay; day <= lastDay; day++) {
      if (holidays.contains(day)) {
        continue;
      }
      int weekday = weekday(day);
      long midnight = day * DAY - offset;
      for (int i = 0; i < starts[weekday].length; i++) {
        Instant opens = max(from, Instant.ofEpochSecond(midnight + starts[weekday][i]));
        Instant closes = min(to, Instant.ofEpochSecond(midnight + ends[weekday][i]));
        if (opens.isBefore(closes)) {
          open.add(new Interval(opens, closes));
        }
      }
    }
  }

  /** 0 for Monday … 6 for Sunday; epoch day 0 (1970-01-01) was a Thursday. */
  private static int weekday(long epochDay) {
    return (int) Math.floorMod(epochDay + 3, 7);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private IllegalStateException neverOpen(Instant around) {
    return new IllegalStateException(
        "The calendar has no open time for " + closedWeeksLimit + " weeks around " + around);
  }
}
