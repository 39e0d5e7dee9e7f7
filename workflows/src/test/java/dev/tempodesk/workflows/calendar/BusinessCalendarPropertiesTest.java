package dev.tempodesk.workflows.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Laws of business time over random calendars, instants and durations: many zones (clock changes at
 * 02:00, at midnight, by 30 minutes, a skipped day), 0–3 ranges a day on a five-minute grid,
 * holidays. A seeded random loop rather than a property-testing library: jqwik 1.10 asks not to be
 * used by coding agents and is built on JUnit Platform 1 (we run 6). A failure names its seed and
 * case, so it can be replayed by putting the seed first in {@link #SEEDS}.
 */
class BusinessCalendarPropertiesTest {
  private static final long[] SEEDS = {20260329L, 20261025L, 7L, 1_000_003L};
  private static final int CASES_PER_SEED = 250;
  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Europe/Berlin",
          "America/New_York",
          "America/Santiago",
          "America/Sao_Paulo",
          "Australia/Lord_Howe",
          "Asia/Kolkata",
          "Asia/Tehran",
          "Pacific/Apia",
          "Pacific/Chatham");
  private static final Instant EARLIEST = Instant.parse("2008-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(365L * 22).toSeconds();

  /** One random case: a calendar and the random source to draw instants and durations from. */
  record Case(BusinessCalendar calendar, SplittableRandom random, Duration weeklyOpen) {
    Instant instant() {
      return EARLIEST.plusSeconds(random.nextLong(SPAN_SECONDS)).plusNanos(nanos());
    }

    Instant after(Instant from, Duration within) {
      return from.plusSeconds(random.nextLong(within.toSeconds() + 1)).plusNanos(nanos());
    }

    /** Up to six weeks' worth of this calendar's open time, to the nanosecond. */
    Duration duration() {
      long limit = weeklyOpen.multipliedBy(6).toSeconds();
      return Duration.ofSeconds(random.nextLong(limit + 1)).plusNanos(nanos());
    }

    private long nanos() {
      return random.nextBoolean() ? 0 : random.nextLong(1_000_000_000L);
    }
  }

  private static void forAll(Consumer<Case> property) {
    for (long seed : SEEDS) {
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = 0; i < CASES_PER_SEED; i++) {
        Case c = randomCase(random.split());
        try {
          property.accept(c);
        } catch (AssertionError | RuntimeException failure) {
          throw new AssertionError(
              "seed %d, case %d, calendar %s".formatted(seed, i, c.calendar()), failure);
        }
      }
    }
  }

  private static Case randomCase(SplittableRandom random) {
    String zone = ZONES.get(random.nextInt(ZONES.size()));
    Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
    long openMinutes = 0;
    while (openMinutes == 0) {
      for (DayOfWeek day : DayOfWeek.values()) {
        int count = random.nextInt(4);
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < 2 * count) {
          points.add(random.nextInt(289)); // five-minute steps, 288 = 24:00
        }
        List<Integer> sorted = new ArrayList<>(points);
        List<TimeRange> ranges = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k += 2) {
          ranges.add(TimeRange.of(hhmm(sorted.get(k)), hhmm(sorted.get(k + 1))));
          openMinutes += 5L * (sorted.get(k + 1) - sorted.get(k));
        }
        hours.put(day, ranges);
      }
    }
    List<LocalDate> holidays = new ArrayList<>();
    int holidayCount = random.nextInt(40);
    for (int i = 0; i < holidayCount; i++) {
      holidays.add(LocalDate.of(2008 + random.nextInt(24), 1, 1).plusDays(random.nextInt(366)));
    }
    return new Case(
        new BusinessCalendar(zone, hours, holidays), random, Duration.ofMinutes(openMinutes));
  }

  private static String hhmm(int fiveMinuteStep) {
    int minutes = fiveMinuteStep * 5;
    return "%02d:%02d".formatted(minutes / 60, minutes % 60);
  }

  @Test
  void shouldMeasureExactlyTheDurationThatWasAdded() {
    forAll(
        c -> {
          Instant start = c.instant();
          Duration business = c.duration();
          Instant due = c.calendar().addBusinessTime(start, business);
          assertThat(c.calendar().businessTimeBetween(start, due)).isEqualTo(business);
          Instant back = c.calendar().addBusinessTime(start, business.negated());
          assertThat(c.calendar().businessTimeBetween(start, back)).isEqualTo(business.negated());
        });
  }

  @Test
  void shouldFallDueAtTheEarliestInstantThatHasEnoughOpenTime() {
    forAll(
        c -> {
          Instant start = c.instant();
          Duration business = c.duration().plusNanos(1);
          Instant due = c.calendar().addBusinessTime(start, business);
          assertThat(c.calendar().businessTimeBetween(start, due.minusNanos(1)))
              .isLessThan(business);
          assertThat(c.calendar().isOpen(due.minusNanos(1))).isTrue();
        });
  }

  @Test
  void shouldAddUpConsecutiveStretchesInAnyOrder() {
    forAll(
        c -> {
          Instant a = c.instant();
          Instant b = c.after(a, Duration.ofDays(20));
          Instant x = c.after(a.minus(Duration.ofDays(30)), Duration.ofDays(60));
          for (Instant[] abc : new Instant[][] {{a, b, x}, {x, a, b}, {b, x, a}}) {
            BusinessCalendar calendar = c.calendar();
            assertThat(
                    calendar
                        .businessTimeBetween(abc[0], abc[1])
                        .plus(calendar.businessTimeBetween(abc[1], abc[2])))
                .isEqualTo(calendar.businessTimeBetween(abc[0], abc[2]));
          }
        });
  }

  @Test
  void shouldNeitherGainNorLoseTimeWhenPausedAndResumed() {
    forAll(
        c -> {
          BusinessCalendar calendar = c.calendar();
          Instant start = c.instant();
          Duration target = c.duration().plusSeconds(1);
          Instant due = calendar.addBusinessTime(start, target);
          Instant pausedAt = c.after(start, Duration.between(start, due).plusDays(3));
          Duration left = calendar.businessTimeBetween(pausedAt, due);
          Instant resumedAt = c.after(pausedAt, Duration.ofDays(10));
          Instant newDue = calendar.addBusinessTime(resumedAt, left);

          assertThat(
                  calendar
                      .businessTimeBetween(start, pausedAt)
                      .plus(calendar.businessTimeBetween(resumedAt, newDue)))
              .as("used before the pause + used after it")
              .isEqualTo(target);
          if (!pausedAt.isAfter(due)) {
            assertThat(calendar.addBusinessTime(pausedAt, left))
                .as("resuming at once changes nothing")
                .isEqualTo(due);
          }
        });
  }

  @Test
  void shouldNeverMoveBackwards() {
    forAll(
        c -> {
          BusinessCalendar calendar = c.calendar();
          Instant start = c.instant();
          Duration shorter = c.duration();
          Duration longer = shorter.plus(c.duration());
          assertThat(calendar.addBusinessTime(start, shorter))
              .isBeforeOrEqualTo(calendar.addBusinessTime(start, longer))
              .isAfterOrEqualTo(start);
          Instant b = c.after(start, Duration.ofDays(15));
          Instant later = c.after(b, Duration.ofDays(15));
          Duration toB = calendar.businessTimeBetween(start, b);
          assertThat(toB)
              .isGreaterThanOrEqualTo(Duration.ZERO)
              .isLessThanOrEqualTo(Duration.between(start, b));
          assertThat(calendar.businessTimeBetween(start, later)).isGreaterThanOrEqualTo(toB);
        });
  }

  @Test
  void shouldAgreeOnWhatIsOpenAndWhenItOpensNext() {
    forAll(
        c -> {
          BusinessCalendar calendar = c.calendar();
          Instant t = c.instant();
          Instant opening = calendar.nextOpening(t);
          assertThat(calendar.isOpen(t)).isEqualTo(opening.equals(t));
          assertThat(calendar.isOpen(opening)).isTrue();
          assertThat(calendar.businessTimeBetween(t, opening)).isZero();
          assertThat(calendar.businessTimeBetween(t, t.plusNanos(1)))
              .isEqualTo(calendar.isOpen(t) ? Duration.ofNanos(1) : Duration.ZERO);
        });
  }

  @Test
  void shouldMatchCountingOpenStepsOneByOne() {
    // Ranges sit on a five-minute grid and every zone's offset is a multiple of five minutes
    // since 2008, so openness only changes on five-minute marks of UTC.
    Duration step = Duration.ofMinutes(5);
    forAll(
        c -> {
          BusinessTime calendar = new BusinessTime(c.calendar()); // built once for many calls
          Instant from = c.instant().truncatedTo(ChronoUnit.HOURS);
          Instant to = from.plus(step.multipliedBy(c.random().nextInt(2 * 24 * 12)));
          Duration open = Duration.ZERO;
          for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
            open = calendar.isOpen(t) ? open.plus(step) : open;
          }
          assertThat(c.calendar().businessTimeBetween(from, to)).isEqualTo(open);
        });
  }
}
