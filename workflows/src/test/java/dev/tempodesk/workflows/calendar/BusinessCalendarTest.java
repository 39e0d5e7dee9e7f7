package dev.tempodesk.workflows.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Business time on calendars as contracts write them: office hours, holidays, night shifts. */
class BusinessCalendarTest {
  private static final String BERLIN = "Europe/Berlin";
  private static final BusinessCalendar NINE_TO_FIVE =
      BusinessCalendar.in(BERLIN).open(MONDAY, FRIDAY, "09:00", "17:00").build();
  private static final BusinessCalendar NINE_TO_SIX =
      BusinessCalendar.in(BERLIN).open(MONDAY, FRIDAY, "09:00", "18:00").build();

  @Test
  void shouldCarryTheLastMinutesOfFridayOverTheWeekendToMonday() {
    Instant friday = berlin("2026-03-06T17:55");

    assertThat(NINE_TO_SIX.addBusinessTime(friday, Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-09T09:55"));
  }

  @Test
  void shouldStartTheClockAtMondaysOpeningForATicketSentAfterFridaysClosing() {
    Instant friday = berlin("2026-03-06T17:55");

    assertThat(NINE_TO_FIVE.addBusinessTime(friday, Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-09T10:00"));
    assertThat(NINE_TO_FIVE.businessTimeBetween(friday, berlin("2026-03-09T09:00"))).isZero();
  }

  @Test
  void shouldSkipAHolidayMonday() {
    BusinessCalendar easter = NINE_TO_SIX.withHolidays(List.of(date("2026-04-06")));

    assertThat(easter.addBusinessTime(berlin("2026-04-03T17:55"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-04-07T09:55"));
  }

  @Test
  void shouldMoveNothingInBusinessTimeOverASpringForwardWeekend() {
    Instant friday = berlin("2026-03-27T17:55");
    Instant due = NINE_TO_SIX.addBusinessTime(friday, Duration.ofHours(1));

    assertThat(due).isEqualTo(berlin("2026-03-30T09:55"));
    assertThat(Duration.between(friday, due))
        .as("an hour less of wall time passes over the weekend")
        .isEqualTo(Duration.ofHours(63));
    assertThat(NINE_TO_SIX.businessTimeBetween(friday, due)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldMoveNothingInBusinessTimeOverAFallBackWeekend() {
    Instant friday = berlin("2026-10-23T17:55");
    Instant due = NINE_TO_SIX.addBusinessTime(friday, Duration.ofHours(1));

    assertThat(due).isEqualTo(berlin("2026-10-26T09:55"));
    assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(65));
  }

  @Test
  void shouldCountSeveralRangesADayAsOneWorkingDay() {
    BusinessCalendar withLunch =
        BusinessCalendar.in(BERLIN)
            .open(MONDAY, FRIDAY, "09:00", "12:00")
            .open(MONDAY, FRIDAY, "13:00", "17:00")
            .build();

    assertThat(withLunch.addBusinessTime(berlin("2026-03-09T11:30"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-09T13:30"));
    assertThat(
            withLunch.businessTimeBetween(berlin("2026-03-09T00:00"), berlin("2026-03-10T00:00")))
        .isEqualTo(Duration.ofHours(7));
    assertThat(withLunch.isOpen(berlin("2026-03-09T12:30"))).isFalse();
    assertThat(withLunch.nextOpening(berlin("2026-03-09T12:30")))
        .isEqualTo(berlin("2026-03-09T13:00"));
  }

  @Test
  void shouldOpenAtTheStartAndCloseAtTheEndOfARange() {
    assertThat(NINE_TO_FIVE.isOpen(berlin("2026-03-09T09:00"))).isTrue();
    assertThat(NINE_TO_FIVE.isOpen(berlin("2026-03-09T09:00").minusNanos(1))).isFalse();
    assertThat(NINE_TO_FIVE.isOpen(berlin("2026-03-09T17:00").minusNanos(1))).isTrue();
    assertThat(NINE_TO_FIVE.isOpen(berlin("2026-03-09T17:00"))).isFalse();
    assertThat(NINE_TO_FIVE.addBusinessTime(berlin("2026-03-09T16:00"), Duration.ofHours(1)))
        .as("the hour ends at closing time, not at the next opening")
        .isEqualTo(berlin("2026-03-09T17:00"));
  }

  @Test
  void shouldFindTheNextOpening() {
    assertThat(NINE_TO_FIVE.nextOpening(berlin("2026-03-07T12:00")))
        .isEqualTo(berlin("2026-03-09T09:00"));
    assertThat(NINE_TO_FIVE.nextOpening(berlin("2026-03-09T10:00")))
        .isEqualTo(berlin("2026-03-09T10:00"));
  }

  @Test
  void shouldRunANightShiftGivenAsTwoRangesWithoutABreakAtMidnight() {
    BusinessCalendar nights =
        BusinessCalendar.in(BERLIN)
            .open(MONDAY, FRIDAY, "22:00", "24:00")
            .open(TUESDAY, SATURDAY, "00:00", "06:00")
            .build();

    assertThat(nights.addBusinessTime(berlin("2026-03-09T23:30"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-10T00:30"));
    assertThat(nights.businessTimeBetween(berlin("2026-03-09T12:00"), berlin("2026-03-10T12:00")))
        .isEqualTo(Duration.ofHours(8));
    assertThat(nights.isOpen(berlin("2026-03-14T05:59"))).as("Saturday morning").isTrue();
    assertThat(nights.isOpen(berlin("2026-03-14T22:00"))).as("Saturday night").isFalse();
    assertThat(nights.addBusinessTime(berlin("2026-03-14T05:00"), Duration.ofHours(2)))
        .as("Saturday's last hour, then Monday night")
        .isEqualTo(berlin("2026-03-16T23:00"));
  }

  @Test
  void shouldCloseTheWholeDateOfAHolidayEvenInTheMiddleOfANightShift() {
    BusinessCalendar nights =
        BusinessCalendar.in(BERLIN)
            .open(MONDAY, FRIDAY, "22:00", "24:00")
            .open(TUESDAY, SATURDAY, "00:00", "06:00")
            .holiday(date("2026-03-10"))
            .build();

    assertThat(nights.businessTimeBetween(berlin("2026-03-09T12:00"), berlin("2026-03-11T12:00")))
        .as("Monday 22–24 and Wednesday 00–06; Tuesday is closed")
        .isEqualTo(Duration.ofHours(8));
    assertThat(nights.addBusinessTime(berlin("2026-03-09T23:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-03-11T01:00"));
  }

  @Test
  void shouldCrossTheYearBoundaryOverANewYearHoliday() {
    BusinessCalendar calendar = NINE_TO_FIVE.withHolidays(List.of(date("2027-01-01")));
    Instant newYearsEve = berlin("2026-12-31T16:30");

    assertThat(calendar.addBusinessTime(newYearsEve, Duration.ofHours(1)))
        .isEqualTo(berlin("2027-01-04T09:30"));
    assertThat(calendar.businessTimeBetween(newYearsEve, berlin("2027-01-05T00:00")))
        .isEqualTo(Duration.ofHours(8).plusMinutes(30));
  }

  @Test
  void shouldCountBackwardsForANegativeDuration() {
    Instant monday = berlin("2026-03-09T09:30");

    assertThat(NINE_TO_FIVE.addBusinessTime(monday, Duration.ofHours(-1)))
        .isEqualTo(berlin("2026-03-06T16:30"));
    assertThat(NINE_TO_FIVE.businessTimeBetween(monday, berlin("2026-03-06T16:30")))
        .isEqualTo(Duration.ofHours(-1));
    assertThat(NINE_TO_FIVE.addBusinessTime(monday, Duration.ZERO)).isEqualTo(monday);
  }

  @Test
  void shouldMakeBusinessTimeElapsedTimeOnTheRoundTheClockDefault() {
    BusinessCalendar always = BusinessCalendar.alwaysOpen();
    Instant start = Instant.parse("2026-03-28T23:30:00.123456789Z");

    assertThat(always.roundTheClock()).isTrue();
    assertThat(NINE_TO_FIVE.roundTheClock()).isFalse();
    assertThat(always.addBusinessTime(start, Duration.ofHours(30)))
        .isEqualTo(start.plus(Duration.ofHours(30)));
    assertThat(always.businessTimeBetween(start, start.plusSeconds(7))).hasSeconds(7);
    assertThat(always.isOpen(start)).isTrue();
    assertThat(always.nextOpening(start)).isEqualTo(start);
  }

  @Test
  void shouldGiveTheSameAnswersAsTheRoundTheClockShortcutInAnyZone() {
    BusinessCalendar everyDayInBerlin =
        BusinessCalendar.in(BERLIN).open(MONDAY, SUNDAY, "00:00", "24:00").build();
    BusinessCalendar everyDayInBerlinInTwoHalves =
        BusinessCalendar.in(BERLIN)
            .open(MONDAY, SUNDAY, "00:00", "12:00")
            .open(MONDAY, SUNDAY, "12:00", "24:00")
            .build();
    Instant start = berlin("2026-03-27T12:00");
    Instant end = berlin("2026-03-30T12:00");

    assertThat(everyDayInBerlinInTwoHalves.roundTheClock()).isFalse();
    assertThat(everyDayInBerlinInTwoHalves.businessTimeBetween(start, end))
        .isEqualTo(everyDayInBerlin.businessTimeBetween(start, end))
        .isEqualTo(Duration.between(start, end));
  }

  @Test
  void shouldSkipTheFridaySamoaNeverHad() {
    // Samoa moved across the date line: 29 December 2011 was followed by the 31st.
    BusinessCalendar apia =
        BusinessCalendar.in("Pacific/Apia").open(MONDAY, FRIDAY, "09:00", "17:00").build();
    Instant thursdayClose = at("Pacific/Apia", "2011-12-29T17:00");

    assertThat(apia.addBusinessTime(thursdayClose, Duration.ofHours(1)))
        .isEqualTo(at("Pacific/Apia", "2012-01-02T10:00"));
    assertThat(apia.businessTimeBetween(at("Pacific/Apia", "2011-12-26T00:00"), thursdayClose))
        .isEqualTo(Duration.ofHours(32));
  }

  @Test
  void shouldCountAWeekOfNineToFiveAsFortyHours() {
    assertThat(
            NINE_TO_FIVE.businessTimeBetween(
                berlin("2026-03-09T00:00"), berlin("2026-03-16T00:00")))
        .isEqualTo(Duration.ofHours(40));
    assertThat(
            NINE_TO_FIVE.businessTimeBetween(
                berlin("2026-03-12T00:00"), berlin("2026-03-12T23:59")))
        .as(THURSDAY.toString())
        .isEqualTo(Duration.ofHours(8));
  }

  static Instant berlin(String localDateTime) {
    return at(BERLIN, localDateTime);
  }

  /** The instant of a local time; for a time that occurs twice, the earlier one. */
  static Instant at(String zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
