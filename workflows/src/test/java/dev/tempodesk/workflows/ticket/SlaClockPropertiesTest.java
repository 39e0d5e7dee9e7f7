package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Laws of {@link SlaClock} in business time over random clocks, pauses and calendars (clock changes
 * at night and in opening hours, an overnight shift, holidays, round the clock). A seeded random
 * loop, as in BusinessCalendarPropertiesTest: a failure names its seed and case.
 */
class SlaClockPropertiesTest {
  private static final long[] SEEDS = {20261204L, 18L, 1_000_003L};
  private static final int CASES_PER_SEED = 150;
  private static final Instant EARLIEST = Instant.parse("2025-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

  private static final List<BusinessCalendar> CALENDARS =
      List.of(
          SlaFixtures.weekdays(
              "09:00", "18:00", LocalDate.parse("2026-12-24"), LocalDate.parse("2026-04-06")),
          BusinessCalendar.in("America/New_York")
              .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "22:00", "24:00")
              .open(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY, "00:00", "06:00")
              .build(),
          BusinessCalendar.in("Australia/Lord_Howe")
              .open(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, "01:00", "03:00")
              .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "08:00", "12:30")
              .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "13:15", "17:00")
              .build(),
          BusinessCalendar.in("Asia/Kolkata").open(DayOfWeek.SUNDAY, "10:00", "14:00").build(),
          SlaClock.ROUND_THE_CLOCK);

  private interface Law {
    void check(SplittableRandom random, BusinessCalendar calendar);
  }

  private static void forAll(Law law) {
    for (long seed : SEEDS) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < CASES_PER_SEED; i++) {
        BusinessCalendar calendar = CALENDARS.get(random.nextInt(CALENDARS.size()));
        try {
          law.check(random, calendar);
        } catch (AssertionError failure) {
          throw new AssertionError(
              "seed %d, case %d, calendar %s".formatted(seed, i, calendar), failure);
        }
      }
    }
  }

  private static Instant instant(SplittableRandom random) {
    return EARLIEST.plusSeconds(random.nextLong(SPAN_SECONDS)).plusMillis(random.nextInt(1000));
  }

  private static Duration target(SplittableRandom random) {
    return Duration.ofSeconds(60 + random.nextLong(Duration.ofHours(40).toSeconds()));
  }

  private static Instant later(SplittableRandom random, Instant from) {
    return from.plusSeconds(random.nextLong(Duration.ofDays(5).toSeconds())).plusMillis(7);
  }

  @Test
  void shouldNeitherGainNorLoseBusinessTimeOverPausesAndResumes() {
    forAll(
        (random, calendar) -> {
          Instant start = instant(random);
          Duration target = target(random);
          SlaClock clock = SlaClock.startedAt(start, target, calendar);
          Duration used = Duration.ZERO;
          Instant at = start;
          boolean running = true;
          for (int step = random.nextInt(1, 8); step > 0; step--) {
            Instant next = later(random, at);
            if (running) {
              used = used.plus(calendar.businessTimeBetween(at, next));
              clock.pause(next, calendar);
            } else {
              clock.resume(next, calendar);
            }
            running = !running;
            at = next;
          }
          Instant end = later(random, at);
          if (running) {
            used = used.plus(calendar.businessTimeBetween(at, end));
          }
          assertThat(clock.remainingAt(end, calendar)).isEqualTo(target.minus(used));
        });
  }

  @Test
  void shouldKeepTheDeadlineWhenPausedAndResumedAtOnce() {
    forAll(
        (random, calendar) -> {
          Instant start = instant(random);
          SlaClock clock = SlaClock.startedAt(start, target(random), calendar);
          Instant due = clock.dueAt;
          Instant at = later(random, start);

          clock.pause(at, calendar);
          clock.resume(at, calendar);

          assertThat(clock.dueAt).isEqualTo(due);
        });
  }

  @Test
  void shouldWarnAtTheFirstInstantWithAFifthLeftAndNeverAfterTheBreach() {
    forAll(
        (random, calendar) -> {
          Instant start = instant(random);
          SlaClock clock = SlaClock.startedAt(start, target(random), calendar);
          Duration fifth = clock.target.dividedBy(5);

          Instant warning = clock.nextAlarmAt(calendar);

          assertThat(warning).isBeforeOrEqualTo(clock.dueAt).isAfterOrEqualTo(start);
          assertThat(clock.remainingAt(warning, calendar)).isEqualTo(fifth);
          assertThat(clock.remainingAt(warning.minusNanos(1), calendar)).isGreaterThan(fifth);
          assertThat(clock.dueAlarm(warning.minusNanos(1), calendar)).isNull();
          assertThat(clock.dueAlarm(clock.dueAt, calendar)).isEqualTo(SlaClock.Alarm.WARNING);
          clock.markFired(SlaClock.Alarm.WARNING);
          assertThat(clock.nextAlarmAt(calendar)).isEqualTo(clock.dueAt);
          assertThat(clock.remainingAt(clock.dueAt, calendar)).isZero();
          assertThat(clock.remainingAt(clock.dueAt.minusNanos(1), calendar)).isPositive();
        });
  }

  @Test
  void shouldWarnAtTheClosingWhenTheFifthIsLeftExactlyThen() {
    BusinessCalendar nineToSix = SlaFixtures.weekdays("09:00", "18:00");
    // 50 minutes from Friday 17:20: 40 used at the closing, 10 left for Monday.
    SlaClock clock =
        SlaClock.startedAt(
            SlaFixtures.berlin("2026-12-04T17:20"), Duration.ofMinutes(50), nineToSix);

    assertThat(clock.dueAt).isEqualTo(SlaFixtures.berlin("2026-12-07T09:10"));
    assertThat(clock.nextAlarmAt(nineToSix)).isEqualTo(SlaFixtures.berlin("2026-12-04T18:00"));
  }

  @Test
  void shouldRetargetByTheDesignRuleInBusinessTime() {
    forAll(
        (random, calendar) -> {
          Instant start = instant(random);
          Duration target = target(random);
          SlaClock clock = SlaClock.startedAt(start, target, calendar);
          Instant at = later(random, start);
          Duration left = clock.remainingAt(at, calendar);
          Duration newTarget = target(random);

          clock.retarget(newTarget, at, calendar);

          Duration expected =
              newTarget.compareTo(target) < 0
                  ? (left.compareTo(newTarget) <= 0 ? left : newTarget)
                  : left.plus(newTarget.minus(target));
          assertThat(clock.remainingAt(at, calendar)).isEqualTo(expected);
          assertThat(clock.target).isEqualTo(newTarget);
        });
  }

  @Test
  void shouldCountRoundTheClockExactlyAsTheElapsedTimeClocksDid() {
    forAll(
        (random, ignored) -> {
          Instant start = instant(random);
          Duration target = target(random);
          SlaClock clock = SlaClock.startedAt(start, target);
          Instant pausedAt = later(random, start);
          Instant resumedAt = later(random, pausedAt);

          assertThat(clock.nextAlarmAt())
              .isEqualTo(start.plus(target).minus(target.multipliedBy(20).dividedBy(100)));
          clock.pause(pausedAt);
          assertThat(clock.remaining).isEqualTo(Duration.between(pausedAt, start.plus(target)));
          clock.resume(resumedAt);
          assertThat(clock.dueAt)
              .isEqualTo(start.plus(target).plus(Duration.between(pausedAt, resumedAt)));
        });
  }
}
