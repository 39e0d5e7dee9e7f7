package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClockTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static Instant at(Duration sinceStart) {
    return T0.plus(sinceStart);
  }

  @Test
  void shouldKeepRemainingWhilePausedAndShiftTheDeadlineByThePausedTime() {
    SlaClock clock = SlaClock.startedAt(T0, Duration.ofHours(4));

    clock.pause(at(Duration.ofHours(1)));
    assertThat(clock.running()).isFalse();
    assertThat(clock.remainingAt(at(Duration.ofHours(30)))).isEqualTo(Duration.ofHours(3));
    assertThat(clock.nextAlarmAt()).isNull();
    clock.resume(at(Duration.ofHours(6)));
    clock.pause(at(Duration.ofHours(7)));
    clock.resume(at(Duration.ofHours(9)));

    assertThat(clock.dueAt).isEqualTo(at(Duration.ofHours(4 + 5 + 2)));
    assertThat(clock.remaining).isNull();
  }

  @Test
  void shouldCapRemainingAtTheNewTargetOnEscalation() {
    SlaClock plenty = SlaClock.startedAt(T0, Duration.ofHours(24));
    SlaClock little = SlaClock.startedAt(T0, Duration.ofHours(4));

    plenty.retarget(Duration.ofHours(4), at(Duration.ofHours(1)));
    little.retarget(Duration.ofHours(1), at(Duration.ofMinutes(3 * 60 + 50)));

    assertThat(plenty.dueAt).isEqualTo(at(Duration.ofHours(5)));
    assertThat(plenty.target).isEqualTo(Duration.ofHours(4));
    assertThat(little.dueAt).as("10 min left stay 10 min").isEqualTo(at(Duration.ofHours(4)));
  }

  @Test
  void shouldExtendRemainingByTheTargetDifferenceOnDeescalation() {
    SlaClock clock = SlaClock.startedAt(T0, Duration.ofMinutes(15));

    clock.retarget(Duration.ofHours(8), at(Duration.ofMinutes(10)));

    assertThat(clock.remainingAt(at(Duration.ofMinutes(10))))
        .isEqualTo(Duration.ofMinutes(5).plus(Duration.ofHours(8).minusMinutes(15)));
  }

  @Test
  void shouldRetargetAPausedClockWithoutStartingIt() {
    SlaClock clock = SlaClock.startedAt(T0, Duration.ofHours(24));
    clock.pause(at(Duration.ofHours(20)));

    clock.retarget(Duration.ofHours(8), at(Duration.ofHours(30)));
    assertThat(clock.remaining).isEqualTo(Duration.ofHours(4));
    clock.retarget(Duration.ofHours(72), at(Duration.ofHours(31)));

    assertThat(clock.running()).isFalse();
    assertThat(clock.remaining).isEqualTo(Duration.ofHours(4 + 64));
  }

  @Test
  void shouldWarnAtEightyPercentAndBreachAtTheTargetEachOnce() {
    SlaClock clock = SlaClock.startedAt(T0, Duration.ofHours(4));
    Instant warning = at(Duration.ofMinutes(192));

    assertThat(clock.nextAlarmAt()).isEqualTo(warning);
    assertThat(clock.dueAlarm(warning.minusMillis(1))).isNull();
    assertThat(clock.dueAlarm(warning)).isEqualTo(SlaClock.Alarm.WARNING);
    clock.markFired(SlaClock.Alarm.WARNING);
    assertThat(clock.dueAlarm(warning)).isNull();
    assertThat(clock.nextAlarmAt()).isEqualTo(at(Duration.ofHours(4)));
    assertThat(clock.dueAlarm(at(Duration.ofHours(4)))).isEqualTo(SlaClock.Alarm.BREACH);
    clock.markFired(SlaClock.Alarm.BREACH);

    assertThat(clock.nextAlarmAt()).isNull();
    assertThat(clock.dueAlarm(at(Duration.ofDays(30)))).isNull();
  }

  @Test
  void shouldMoveAnUnfiredWarningButNeverRepeatAFiredOne() {
    SlaClock unwarned = SlaClock.startedAt(T0, Duration.ofHours(24));
    unwarned.retarget(Duration.ofHours(4), at(Duration.ofHours(1)));
    assertThat(unwarned.nextAlarmAt()).isEqualTo(at(Duration.ofMinutes(60 + 192)));

    SlaClock warned = SlaClock.startedAt(T0, Duration.ofHours(4));
    warned.markFired(SlaClock.Alarm.WARNING);
    warned.retarget(Duration.ofHours(72), at(Duration.ofHours(3)));
    assertThat(warned.nextAlarmAt()).as("straight to the moved breach").isEqualTo(warned.dueAt);
  }

  @Test
  void shouldHaveNothingLeftOnceStopped() {
    SlaClock clock = SlaClock.startedAt(T0, Duration.ofMinutes(15));

    clock.stop();
    clock.resume(at(Duration.ofHours(1)));

    assertThat(clock.counting()).isFalse();
    assertThat(clock.remainingAt(at(Duration.ofHours(1)))).isNull();
    assertThat(clock.nextAlarmAt()).isNull();
  }
}
