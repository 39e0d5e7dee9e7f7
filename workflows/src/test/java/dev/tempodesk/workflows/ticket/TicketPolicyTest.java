package dev.tempodesk.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketPolicyTest {
  private static final Duration WINDOW = Duration.ofDays(7);
  private static final TicketPolicy POLICY = new TicketPolicy(WINDOW, Duration.ofDays(30), 0);
  private static final Instant CLOSED_AT = Instant.parse("2026-03-02T10:15:30Z");

  @Test
  void shouldStillReopenOneSecondBeforeTheWindowEnds() {
    Instant now = CLOSED_AT.plus(WINDOW).minusSeconds(1);

    assertThat(POLICY.reopenWindowOver(TicketStatus.CLOSED, CLOSED_AT, now)).isFalse();
    assertThat(closedAfterCutOff(now)).isTrue();
  }

  @Test
  void shouldEndTheWindowExactlyAtItsEnd() {
    Instant now = CLOSED_AT.plus(WINDOW);

    assertThat(POLICY.reopenWindowEnd(CLOSED_AT)).isEqualTo(now);
    assertThat(POLICY.reopenWindowOver(TicketStatus.CLOSED, CLOSED_AT, now)).isTrue();
    assertThat(closedAfterCutOff(now)).isFalse();
  }

  @Test
  void shouldKeepTheWindowOverOneSecondLater() {
    Instant now = CLOSED_AT.plus(WINDOW).plusSeconds(1);

    assertThat(POLICY.reopenWindowOver(TicketStatus.CLOSED, CLOSED_AT, now)).isTrue();
    assertThat(closedAfterCutOff(now)).isFalse();
  }

  @Test
  void shouldNeverEndTheWindowOfATicketNeverClosed() {
    Instant muchLater = CLOSED_AT.plus(Duration.ofDays(3650));

    for (TicketStatus status : TicketStatus.values()) {
      if (status != TicketStatus.CLOSED) {
        assertThat(POLICY.reopenWindowOver(status, null, muchLater)).as(status.name()).isFalse();
      }
    }
  }

  @Test
  void shouldIgnoreAnOldCloseTimeOnceReopened() {
    Instant muchLater = CLOSED_AT.plus(Duration.ofDays(3650));

    assertThat(POLICY.reopenWindowOver(TicketStatus.OPEN, CLOSED_AT, muchLater)).isFalse();
  }

  /** What the reconciler's query keeps: a ticket closed strictly after the cut-off. */
  private static boolean closedAfterCutOff(Instant now) {
    return CLOSED_AT.isAfter(POLICY.reopenableIfClosedAfter(now));
  }
}
