package dev.tempodesk.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.calendar.ICalendarHolidays.Found;
import dev.tempodesk.api.calendar.ICalendarHolidays.Skipped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Holidays out of iCalendar files shaped like real holiday feeds and RFC 5545's examples. */
class ICalendarHolidaysTest {
  private static final LocalDate JAN_2026 = LocalDate.parse("2026-01-01");
  private static final LocalDate DEC_2026 = LocalDate.parse("2026-12-31");

  static String resource(String name) {
    try (InputStream in = ICalendarHolidaysTest.class.getResourceAsStream("/ical/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void shouldTakeTheAllDayEventsOfAPublicHolidayFeed() {
    Found found =
        ICalendarHolidays.parse(resource("berlin-public-holidays.ics"), JAN_2026, DEC_2026);

    assertThat(found.dates())
        .containsExactly(
            d("2026-01-01"),
            d("2026-04-06"),
            d("2026-05-01"),
            d("2026-10-03"),
            d("2026-12-24"),
            d("2026-12-25"),
            d("2026-12-26"));
    assertThat(found.skipped())
        .extracting(Skipped::event)
        .as("the folded summary is unfolded")
        .containsExactly("Silvester (ab Mittag geschlossen)", "Betriebsausflug");
    assertThat(found.skipped())
        .extracting(Skipped::reason)
        .satisfiesExactly(
            timed -> assertThat(timed).contains("timed event"),
            cancelled -> assertThat(cancelled).isEqualTo("cancelled"));
  }

  @Test
  void shouldIgnoreTheRulesOfTimeZonesAndAlarms() {
    Found found =
        ICalendarHolidays.parse(
            resource("berlin-public-holidays.ics"), d("1970-01-01"), d("1970-12-31"));

    assertThat(found.dates()).as("the DST rules of the VTIMEZONE are no holidays").isEmpty();
  }

  @Test
  void shouldExpandYearlyRulesWithinTheWindow() {
    Found found =
        ICalendarHolidays.parse(resource("yearly-holidays.ics"), JAN_2026, d("2027-12-31"));

    assertThat(found.dates())
        .containsExactly(
            d("2026-05-25"), // last Monday of May
            d("2026-06-28"),
            d("2026-06-29"),
            d("2026-06-30"), // three-day festival, COUNT=1
            d("2026-11-02"), // fixed date, every year
            // Thanksgiving 2026 is an EXDATE
            d("2027-05-31"),
            d("2027-06-27"),
            d("2027-06-28"),
            d("2027-06-29"),
            d("2027-06-30"), // RDATEs, each three days long
            d("2027-11-02"),
            d("2027-11-25"),
            d("2027-11-26"));
    assertThat(found.skipped())
        .singleElement()
        .satisfies(
            monthly -> {
              assertThat(monthly.event()).isEqualTo("Monthly review day");
              assertThat(monthly.reason()).contains("only FREQ=YEARLY");
            });
  }

  @Test
  void shouldStopAYearlyRuleAtUntil() {
    Found found =
        ICalendarHolidays.parse(resource("yearly-holidays.ics"), JAN_2026, d("2030-12-31"));

    assertThat(found.dates())
        .filteredOn(date -> date.getMonthValue() == 11 && date.getDayOfMonth() > 20)
        .as("Thanksgiving until 2027 only")
        .containsExactly(d("2027-11-25"), d("2027-11-26"));
    assertThat(found.dates()).contains(d("2030-11-02"), d("2030-05-27"));
  }

  @Test
  void shouldReadBareLineFeedsAndAFeb29thThatOnlyLeapYearsHave() {
    String ics =
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Leap day off\nDTSTART;VALUE=DATE:20240229\n"
            + "RRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR\n";

    assertThat(ICalendarHolidays.parse(ics, JAN_2026, d("2028-12-31")).dates())
        .containsExactly(d("2028-02-29"));
  }

  @Test
  void shouldReportUnreadableEventsAndKeepTheRest() {
    String ics =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:broken\r\nDTSTART;VALUE=DATE:2026-13-01\r\n"
            + "END:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260704\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    Found found = ICalendarHolidays.parse(ics, JAN_2026, DEC_2026);

    assertThat(found.dates()).containsExactly(d("2026-07-04"));
    assertThat(found.skipped()).extracting(Skipped::event).containsExactly("broken", "No start");
  }

  @Test
  void shouldCloseEveryDayOfAWeekLongEventGivenByDuration() {
    String ics =
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Works holiday\r\n"
            + "DTSTART;VALUE=DATE:20260803\r\nDURATION:P1W\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    assertThat(ICalendarHolidays.parse(ics, JAN_2026, DEC_2026).dates())
        .hasSize(7)
        .startsWith(d("2026-08-03"))
        .endsWith(d("2026-08-09"));
  }

  @Test
  void shouldRefuseTextThatIsNoICalendar() {
    assertThatThrownBy(() -> ICalendarHolidays.parse("Christmas: 2026-12-25", JAN_2026, DEC_2026))
        .isInstanceOf(ICalendarHolidays.NotICalendarException.class)
        .hasMessageContaining("BEGIN:VCALENDAR");
    assertThatThrownBy(() -> ICalendarHolidays.parse("", JAN_2026, DEC_2026))
        .isInstanceOf(ICalendarHolidays.NotICalendarException.class);
  }

  @Test
  void shouldUnfoldLinesAndKeepQuotedColonsInParameters() {
    assertThat(ICalendarLines.unfold("SUMMARY:Long\r\n  line\r\n\tcontinued\r\nEND:X"))
        .containsExactly("SUMMARY:Long line" + "continued", "END:X");
    ICalendarLines.ContentLine line =
        ICalendarLines.parse("DTSTART;TZID=\"GMT+01:00 Berlin\";X-A=b:20261231T120000").getFirst();
    assertThat(line.name()).isEqualTo("DTSTART");
    assertThat(line.parameter("TZID")).isEqualTo("GMT+01:00 Berlin");
    assertThat(line.value()).isEqualTo("20261231T120000");
    assertThat(ICalendarLines.text("Fish\\, chips\\; peas\\nand \\\\ more"))
        .isEqualTo("Fish, chips; peas\nand \\ more");
  }
}
