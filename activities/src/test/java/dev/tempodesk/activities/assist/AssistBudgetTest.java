package dev.tempodesk.activities.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-minute token bucket: a full minute's burst, then even refills, never above the cap. */
class AssistBudgetTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));

  @Test
  void aBurstMayUseTheMinuteThenWaitsForTheRefill() {
    AssistBudget budget = new AssistBudget(3, clock);

    assertThat(budget.take()).isEmpty();
    assertThat(budget.take()).isEmpty();
    assertThat(budget.take()).isEmpty();
    assertThat(budget.take()).contains(Duration.ofSeconds(20));
    assertThat(budget.take()).as("a refused call takes nothing").contains(Duration.ofSeconds(20));
  }

  @Test
  void timeRefillsEvenly() {
    AssistBudget budget = new AssistBudget(6, clock);
    for (int i = 0; i < 6; i++) {
      assertThat(budget.take()).isEmpty();
    }

    clock.advance(Duration.ofSeconds(4));
    assertThat(budget.take()).contains(Duration.ofSeconds(6));
    clock.advance(Duration.ofSeconds(6));
    assertThat(budget.take()).isEmpty();
    assertThat(budget.take()).contains(Duration.ofSeconds(10));
  }

  @Test
  void anIdleHourRefillsNoMoreThanOneMinute() {
    AssistBudget budget = new AssistBudget(2, clock);
    clock.advance(Duration.ofHours(1));

    assertThat(budget.take()).isEmpty();
    assertThat(budget.take()).isEmpty();
    assertThat(budget.take()).isPresent();
  }
}
