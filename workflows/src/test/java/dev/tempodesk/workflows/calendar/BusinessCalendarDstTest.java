package dev.tempodesk.workflows.calendar;

import static dev.tempodesk.workflows.calendar.BusinessCalendarTest.at;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Clock changes inside opening hours. Business time is elapsed time while the local wall clock is
 * inside a range: a gap removes the wall-clock times that never happen, an overlap counts the ones
 * that happen twice, twice. Berlin switches at 02:00 (spring: 02:00 CET → 03:00 CEST on 29 March
 * 2026; autumn: 03:00 CEST → 02:00 CET on 25 October 2026); Santiago switches at midnight, so a
 * whole local date starts late or a Saturday evening repeats.
 */
class BusinessCalendarDstTest {
  private static final String BERLIN = "Europe/Berlin";
  private static final String SANTIAGO = "America/Santiago";

  private static BusinessCalendar sundays(String zone, String start, String end) {
    return BusinessCalendar.in(zone).open(SUNDAY, start, end).build();
  }

  @Test
  void shouldCountOnlyTheHoursThatHappenOnASpringForwardNight() {
    BusinessCalendar night = sundays(BERLIN, "00:00", "04:00");
    Instant midnight = at("2026-03-29T00:00+01:00");

    assertThat(night.businessTimeBetween(midnight, at("2026-03-30T00:00+02:00")))
        .isEqualTo(Duration.ofHours(3));
    assertThat(night.addBusinessTime(midnight, Duration.ofMinutes(150)))
        .as("01:59:59 CET is followed by 03:00 CEST")
        .isEqualTo(at("2026-03-29T03:30+02:00"));
    assertThat(night.isOpen(at("2026-03-29T03:59+02:00"))).isTrue();
    assertThat(night.isOpen(at("2026-03-29T04:00+02:00"))).isFalse();
  }

  @Test
  void shouldCountTheRepeatedHourTwiceOnAFallBackNight() {
    BusinessCalendar night = sundays(BERLIN, "00:00", "04:00");
    Instant midnight = at("2026-10-25T00:00+02:00");

    assertThat(night.businessTimeBetween(midnight, at("2026-10-26T00:00+01:00")))
        .isEqualTo(Duration.ofHours(5));
    assertThat(night.addBusinessTime(midnight, Duration.ofMinutes(200)))
        .as("02:00–03:00 CEST, then 02:00–03:00 CET again")
        .isEqualTo(at("2026-10-25T02:20+01:00"));
  }

  @Test
  void shouldHaveNoOpenTimeForARangeThatFallsWhollyInTheGap() {
    BusinessCalendar skipped = sundays(BERLIN, "02:00", "03:00");

    assertThat(
            skipped.businessTimeBetween(at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
        .isZero();
    assertThat(skipped.nextOpening(at("2026-03-29T00:00+01:00")))
        .as("the next Sunday")
        .isEqualTo(at("2026-04-05T02:00+02:00"));
  }

  @Test
  void shouldOpenARangeThatStartsInTheGapAtTheMomentTheClocksJump() {
    BusinessCalendar halfSkipped = sundays(BERLIN, "02:30", "05:00");

    assertThat(halfSkipped.nextOpening(at("2026-03-29T01:00+01:00")))
        .isEqualTo(at("2026-03-29T03:00+02:00"));
    assertThat(
            halfSkipped.businessTimeBetween(
                at("2026-03-29T00:00+01:00"), at("2026-03-30T00:00+02:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldOpenARangeInsideTheRepeatedHourTwice() {
    BusinessCalendar repeated = sundays(BERLIN, "02:00", "02:30");

    assertThat(repeated.isOpen(at("2026-10-25T02:15+02:00"))).isTrue();
    assertThat(repeated.isOpen(at("2026-10-25T02:45+02:00"))).isFalse();
    assertThat(repeated.isOpen(at("2026-10-25T02:15+01:00"))).isTrue();
    assertThat(repeated.nextOpening(at("2026-10-25T02:45+02:00")))
        .isEqualTo(at("2026-10-25T02:00+01:00"));
    assertThat(
            repeated.businessTimeBetween(
                at("2026-10-25T00:00+02:00"), at("2026-10-26T00:00+01:00")))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldRepeatTheLastHourOfASaturdayWhenSantiagoFallsBackAtMidnight() {
    // 2026-04-05 00:00 -03 becomes 2026-04-04 23:00 -04: Saturday's 23:00–24:00 happens twice.
    BusinessCalendar weekendNights =
        BusinessCalendar.in(SANTIAGO)
            .open(SATURDAY, "22:00", "24:00")
            .open(SUNDAY, "00:00", "02:00")
            .build();

    assertThat(
            weekendNights.businessTimeBetween(
                at(SANTIAGO, "2026-04-04T12:00"), at(SANTIAGO, "2026-04-05T12:00")))
        .isEqualTo(Duration.ofHours(5));
    assertThat(weekendNights.addBusinessTime(at("2026-04-04T22:00-03:00"), Duration.ofHours(3)))
        .as("22–24 at -03, 23–24 again at -04")
        .isEqualTo(at("2026-04-05T00:00-04:00"));
  }

  @Test
  void shouldStartASantiagoSundayAtOneWhenItsMidnightIsSkipped() {
    // 2026-09-06 00:00 -04 becomes 01:00 -03: Sunday has no 00:00–01:00.
    BusinessCalendar sundayNights = sundays(SANTIAGO, "00:00", "02:00");

    assertThat(sundayNights.nextOpening(at("2026-09-05T23:30-04:00")))
        .isEqualTo(at("2026-09-06T01:00-03:00"));
    assertThat(
            sundayNights.businessTimeBetween(
                at("2026-09-05T12:00-04:00"), at("2026-09-06T12:00-03:00")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(sundayNights.isOpen(at("2026-09-06T00:30-03:00")))
        .as("still Saturday 23:30 on the wall clock")
        .isFalse();
  }

  @Test
  void shouldFollowSaoPaulosHistoricMidnightChange() {
    // Brazil switched at midnight until 2019: 2017-10-15 00:00 -03 became 01:00 -02.
    BusinessCalendar sao =
        BusinessCalendar.in("America/Sao_Paulo").open(SUNDAY, "00:00", "24:00").build();

    assertThat(
            sao.businessTimeBetween(
                at("America/Sao_Paulo", "2017-10-15T00:00"),
                at("America/Sao_Paulo", "2017-10-16T00:00")))
        .isEqualTo(Duration.ofHours(23));
  }

  @Test
  void shouldNotMoveADeadlineWhenTheClocksChangeWhileClosed() {
    BusinessCalendar office =
        BusinessCalendar.in("America/New_York").open(MONDAY, "09:00", "17:00").build();
    Instant mondayBefore = at("America/New_York", "2026-03-02T16:00");

    assertThat(office.addBusinessTime(mondayBefore, Duration.ofHours(2)))
        .as("DST starts on Sunday 8 March 02:00")
        .isEqualTo(at("America/New_York", "2026-03-09T10:00"));
  }
}
