package dev.tempodesk.workflows.calendar;

/**
 * One opening range of a weekday in local wall-clock time, {@code start} included and {@code end}
 * excluded, both {@code HH:MM}; {@code end} may be {@code 24:00} (the end of the day). A range
 * never crosses midnight: an overnight shift is two ranges, {@code 22:00–24:00} on one day and
 * {@code 00:00–06:00} on the next, which the maths joins into one stretch of open time. The shape
 * is checked by {@link BusinessCalendar}, which knows where the range sits and names it.
 */
public record TimeRange(String start, String end) {

  public static TimeRange of(String start, String end) {
    return new TimeRange(start, end);
  }

  /** Seconds after local midnight; only for a range its calendar has validated. */
  int startSecond() {
    return secondOfDay(start);
  }

  /** Seconds after local midnight, 86,400 for {@code 24:00}. */
  int endSecond() {
    return secondOfDay(end);
  }

  /** Seconds after midnight of {@code HH:MM} (00:00 to 24:00), or -1 if it is not that shape. */
  static int secondOfDay(String hhmm) {
    if (hhmm == null
        || hhmm.length() != 5
        || hhmm.charAt(2) != ':'
        || !digits(hhmm, 0, 2)
        || !digits(hhmm, 3, 5)) {
      return -1;
    }
    int hours = Integer.parseInt(hhmm, 0, 2, 10);
    int minutes = Integer.parseInt(hhmm, 3, 5, 10);
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) {
      return -1;
    }
    return hours * 3600 + minutes * 60;
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return start + "–" + end;
  }
}
