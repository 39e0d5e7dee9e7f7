package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  @Test
  void shouldReadDeltaSeconds() {
    assertThat(RetryAfter.parse(" 2 ", NOW)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
  }

  @Test
  void shouldReadHttpDateRelativeToNow() {
    assertThat(RetryAfter.parse("Wed, 01 Jan 2025 00:01:30 GMT", NOW))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void shouldTreatPastDateAsNoWait() {
    assertThat(RetryAfter.parse("Tue, 31 Dec 2024 23:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-1", "soon", "2025-01-01T00:01:00Z", "99999999999999999999"})
  void shouldIgnoreUnparseableValues(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isEmpty();
  }
}
