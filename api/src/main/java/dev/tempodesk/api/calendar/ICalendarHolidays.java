package dev.tempodesk.api.calendar;

import dev.tempodesk.api.calendar.ICalendarLines.ContentLine;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holidays from an iCalendar file (RFC 5545), the kind public-holiday feeds and calendar apps
 * export: every all-day VEVENT ({@code DTSTART;VALUE=DATE}) closes its dates, all of them when
 * {@code DTEND} (exclusive) or {@code DURATION} makes it longer than a day. Recurrence: {@code
 * RRULE:FREQ=YEARLY} with {@code INTERVAL}, {@code COUNT}, {@code UNTIL}, {@code BYMONTH}, {@code
 * BYMONTHDAY} and {@code BYDAY} with an ordinal ({@code 4TH}, {@code -1MO}); {@code RDATE} and
 * {@code EXDATE} dates. Timed events, cancelled ones and other recurrences are skipped and reported
 * with the reason. Only dates within {@code [from, to]} are returned.
 */
final class ICalendarHolidays {
  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int LONGEST_EVENT_DAYS = 366;
  private static final Pattern DURATION = Pattern.compile("\\+?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T.*)?");

  private ICalendarHolidays() {}

  /** What an import found. */
  record Found(List<LocalDate> dates, List<Skipped> skipped) {}

  /** An event that closes no date, and why. */
  record Skipped(String event, String reason) {}

  /** Thrown when the text is no iCalendar at all. */
  static class NotICalendarException extends IllegalArgumentException {
    NotICalendarException(String message) {
      super(message);
    }
  }

  static Found parse(String text, LocalDate from, LocalDate to) {
    List<ContentLine> lines = ICalendarLines.parse(text);
    if (lines.isEmpty()
        || !lines.getFirst().name().equals("BEGIN")
        || !lines.getFirst().value().strip().equalsIgnoreCase("VCALENDAR")) {
      throw new NotICalendarException("Not an iCalendar file: it must start with BEGIN:VCALENDAR.");
    }
    TreeSet<LocalDate> dates = new TreeSet<>();
    List<Skipped> skipped = new ArrayList<>();
    List<String> components = new ArrayList<>();
    Map<String, List<ContentLine>> event = null;
    int events = 0;
    for (ContentLine line : lines) {
      String value = line.value().strip().toUpperCase(Locale.ROOT);
      if (line.name().equals("BEGIN")) {
        components.add(value);
        if (value.equals("VEVENT") && components.size() == 2) {
          event = new LinkedHashMap<>();
          events++;
        }
      } else if (line.name().equals("END")) {
        if (value.equals("VEVENT") && event != null && components.size() == 2) {
          String reason = addDates(event, from, to, dates);
          if (reason != null) {
            skipped.add(new Skipped(describe(event, events), reason));
          }
          event = null;
        }
        if (!components.isEmpty()) {
          components.removeLast();
        }
      } else if (event != null && components.size() == 2) {
        event.computeIfAbsent(line.name(), n -> new ArrayList<>()).add(line);
      }
    }
    return new Found(List.copyOf(dates), skipped);
  }

  /** Adds the event's dates; returns why it adds none, or null. */
  private static String addDates(
      Map<String, List<ContentLine>> event, LocalDate from, LocalDate to, Set<LocalDate> dates) {
    ContentLine status = first(event, "STATUS");
    if (status != null && status.value().strip().equalsIgnoreCase("CANCELLED")) {
      return "cancelled";
    }
    ContentLine start = first(event, "DTSTART");
    if (start == null) {
      return "no DTSTART";
    }
    if (!isDate(start)) {
      return "a timed event (DTSTART " + start.value() + "); only all-day events are holidays";
    }
    LocalDate first;
    int days;
    try {
      first = date(start.value());
      days = lengthInDays(event, first);
    } catch (DateTimeException | IllegalArgumentException unreadable) {
      return unreadable.getMessage();
    }
    Set<LocalDate> starts = new TreeSet<>();
    ContentLine rule = first(event, "RRULE");
    if (rule == null) {
      starts.add(first);
    } else {
      String unsupported = YearlyRule.expand(rule.value(), first, to, starts);
      if (unsupported != null) {
        return unsupported;
      }
    }
    try {
      for (ContentLine rdate : event.getOrDefault("RDATE", List.of())) {
        starts.addAll(dateList(rdate.value()));
      }
      for (ContentLine exdate : event.getOrDefault("EXDATE", List.of())) {
        dateList(exdate.value()).forEach(starts::remove);
      }
    } catch (DateTimeException unreadable) {
      return "unreadable RDATE or EXDATE: " + unreadable.getMessage();
    }
    for (LocalDate occurrence : starts) {
      for (int d = 0; d < days; d++) {
        LocalDate date = occurrence.plusDays(d);
        if (!date.isBefore(from) && !date.isAfter(to)) {
          dates.add(date);
        }
      }
    }
    return null;
  }

  private static boolean isDate(ContentLine property) {
    String type = property.parameter("VALUE");
    return type != null
        ? type.equalsIgnoreCase("DATE")
        : property.value().strip().matches("\\d{8}");
  }

  private static int lengthInDays(Map<String, List<ContentLine>> event, LocalDate first) {
    ContentLine end = first(event, "DTEND");
    ContentLine duration = first(event, "DURATION");
    long days = 1;
    if (end != null) {
      days = first.until(date(end.value().strip().substring(0, 8)), ChronoUnit.DAYS);
    } else if (duration != null) {
      days = daysOf(duration.value().strip());
    }
    if (days > LONGEST_EVENT_DAYS) {
      throw new IllegalArgumentException("longer than " + LONGEST_EVENT_DAYS + " days");
    }
    return (int) Math.max(1, days);
  }

  /** Days of a DURATION such as {@code P1D}, {@code P2W} or {@code P1DT0H0M0S}. */
  private static long daysOf(String duration) {
    Matcher matcher = DURATION.matcher(duration);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("unreadable DURATION " + duration);
    }
    long weeks = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
    long days = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
    return Math.min(weeks * 7 + days, LONGEST_EVENT_DAYS + 1L);
  }

  static LocalDate date(String value) {
    String text = value.strip();
    if (text.length() < 8) {
      throw new DateTimeException("unreadable date " + value);
    }
    try {
      return LocalDate.parse(text.substring(0, 8), BASIC_DATE);
    } catch (DateTimeException unreadable) {
      throw new DateTimeException("unreadable date " + value);
    }
  }

  private static List<LocalDate> dateList(String value) {
    List<LocalDate> dates = new ArrayList<>();
    for (String each : value.split(",")) {
      if (!each.isBlank()) {
        dates.add(date(each));
      }
    }
    return dates;
  }

  private static ContentLine first(Map<String, List<ContentLine>> event, String name) {
    List<ContentLine> lines = event.get(name);
    return lines == null ? null : lines.getFirst();
  }

  private static String describe(Map<String, List<ContentLine>> event, int number) {
    ContentLine summary = first(event, "SUMMARY");
    if (summary != null && !summary.value().isBlank()) {
      return ICalendarLines.text(summary.value());
    }
    ContentLine uid = first(event, "UID");
    return uid != null ? uid.value() : "event #" + number;
  }

  /** {@code RRULE:FREQ=YEARLY} and the parts a holiday needs. */
  static final class YearlyRule {
    private static final Set<String> KNOWN =
        Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYMONTH", "BYMONTHDAY", "BYDAY", "WKST");
    private static final int MAX_OCCURRENCES = 1000;
    private static final Pattern NTH_WEEKDAY =
        Pattern.compile("([+-]?[1-5])(MO|TU|WE|TH|FR|SA|SU)");

    private YearlyRule() {}

    /** Adds the occurrences up to {@code to}; returns why the rule is not supported, or null. */
    static String expand(String rule, LocalDate first, LocalDate to, Set<LocalDate> starts) {
      Map<String, String> parts = new LinkedHashMap<>();
      for (String part : rule.strip().split(";")) {
        int equals = part.indexOf('=');
        if (equals > 0) {
          parts.put(part.substring(0, equals).toUpperCase(Locale.ROOT), part.substring(equals + 1));
        }
      }
      if (!"YEARLY".equalsIgnoreCase(parts.get("FREQ"))) {
        return "unsupported recurrence " + rule + " (only FREQ=YEARLY)";
      }
      for (String name : parts.keySet()) {
        if (!KNOWN.contains(name)) {
          return "unsupported recurrence part " + name;
        }
      }
      try {
        int interval = Integer.parseInt(parts.getOrDefault("INTERVAL", "1"));
        int count = Integer.parseInt(parts.getOrDefault("COUNT", "" + MAX_OCCURRENCES));
        LocalDate until = parts.containsKey("UNTIL") ? date(parts.get("UNTIL")) : to;
        List<Month> months = new ArrayList<>();
        for (String month : list(parts.get("BYMONTH"))) {
          months.add(Month.of(Integer.parseInt(month)));
        }
        if (months.isEmpty()) {
          months.add(first.getMonth());
        }
        List<Integer> monthDays = new ArrayList<>();
        for (String day : list(parts.get("BYMONTHDAY"))) {
          monthDays.add(Integer.parseInt(day));
        }
        List<String> weekdays = list(parts.get("BYDAY"));
        for (String weekday : weekdays) {
          if (!NTH_WEEKDAY.matcher(weekday.toUpperCase(Locale.ROOT)).matches()) {
            return "unsupported recurrence: BYDAY=" + weekday + " (needs an ordinal, e.g. 1MO)";
          }
        }
        if (!parts.containsKey("BYMONTH")
            && (parts.containsKey("BYDAY") || parts.containsKey("BYMONTHDAY"))) {
          return "unsupported recurrence " + rule + " (BYDAY and BYMONTHDAY need BYMONTH)";
        }
        if (monthDays.isEmpty() && weekdays.isEmpty()) {
          monthDays.add(first.getDayOfMonth());
        }
        if (interval < 1) {
          return "unsupported recurrence: INTERVAL " + interval;
        }
        int found = 0;
        for (int year = first.getYear();
            year <= Math.min(until.getYear(), to.getYear()) && found < count;
            year += interval) {
          TreeSet<LocalDate> inYear = new TreeSet<>();
          for (Month month : months) {
            YearMonth yearMonth = YearMonth.of(year, month);
            for (int day : monthDays) {
              int dayOfMonth = day > 0 ? day : yearMonth.lengthOfMonth() + day + 1;
              if (dayOfMonth >= 1 && dayOfMonth <= yearMonth.lengthOfMonth()) {
                inYear.add(yearMonth.atDay(dayOfMonth));
              }
            }
            for (String weekday : weekdays) {
              LocalDate date = nthWeekday(yearMonth, weekday);
              if (date != null) {
                inYear.add(date);
              }
            }
          }
          for (LocalDate date : inYear) {
            if (!date.isBefore(first) && !date.isAfter(until) && found < count) {
              starts.add(date);
              found++;
            }
          }
        }
      } catch (DateTimeException | IllegalArgumentException unreadable) {
        return "unreadable recurrence " + rule;
      }
      return null;
    }

    /** {@code 4TH} or {@code -1MO} in a month; null if the month has no such day (5MO). */
    private static LocalDate nthWeekday(YearMonth month, String byDay) {
      Matcher matcher = NTH_WEEKDAY.matcher(byDay.strip().toUpperCase(Locale.ROOT));
      if (!matcher.matches()) {
        throw new IllegalStateException("checked before: " + byDay);
      }
      int ordinal = Integer.parseInt(matcher.group(1));
      DayOfWeek day = weekday(matcher.group(2));
      LocalDate date =
          ordinal > 0
              ? month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day))
              : month.atEndOfMonth().with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
      return YearMonth.from(date).equals(month) ? date : null;
    }

    private static DayOfWeek weekday(String twoLetters) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day.name().startsWith(twoLetters)) {
          return day;
        }
      }
      throw new IllegalArgumentException(twoLetters);
    }

    private static List<String> list(String value) {
      List<String> items = new ArrayList<>();
      if (value != null) {
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
      }
      return items;
    }
  }
}
