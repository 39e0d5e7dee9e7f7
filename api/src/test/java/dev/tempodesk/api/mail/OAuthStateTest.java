package dev.tempodesk.api.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.config.InvalidSettingException;
import dev.tempodesk.api.config.TempodeskProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The hosted-OAuth state: any replica holding the shared key accepts it, nothing else does. */
class OAuthStateTest {
  private static final Instant ISSUED = Instant.parse("2026-12-06T04:00:00Z");
  private static final byte[] SHARED = "a-key-every-replica-shares-0123456789".getBytes();

  private static OAuthState replicaAt(byte[] key, Instant now) {
    return new OAuthState(key, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void shouldAcceptAStateIssuedByAnotherReplicaWithinItsValidityOnly() {
    String state = replicaAt(SHARED, ISSUED).issue();

    assertThat(replicaAt(SHARED, ISSUED.plus(OAuthState.VALIDITY).minusSeconds(1)).isValid(state))
        .as("another replica, or this one after a restart")
        .isTrue();
    assertThat(replicaAt(SHARED, ISSUED.plus(OAuthState.VALIDITY).plusSeconds(1)).isValid(state))
        .as("expired")
        .isFalse();
  }

  @Test
  void shouldRefuseForgedStates() {
    String state = replicaAt(SHARED, ISSUED).issue();
    OAuthState checker = replicaAt(SHARED, ISSUED.plus(Duration.ofMinutes(1)));
    String[] parts = state.split("\\.");
    String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];
    String otherKey = replicaAt("another-deployment's-key-0123456789".getBytes(), ISSUED).issue();

    assertThat(checker.isValid(state)).isTrue();
    assertThat(checker.isValid(laterExpiry)).as("expiry pushed out").isFalse();
    assertThat(checker.isValid(otherKey)).as("signed with another key").isFalse();
    assertThat(checker.isValid("forged.1.00")).isFalse();
    assertThat(checker.isValid("no-dots-at-all")).isFalse();
    assertThat(checker.isValid(".")).isFalse();
    assertThat(checker.isValid(null)).isFalse();
  }

  @Test
  void shouldUseTheConfiguredSecretAndNameTheVariableWhenItIsTooShort() {
    String secret = "x".repeat(OAuthState.MIN_SECRET_LENGTH);

    byte[] key = OAuthState.key(new TempodeskProperties.OAuth("  " + secret + "\n"), null);

    assertThat(key).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> OAuthState.key(new TempodeskProperties.OAuth("short-secret"), null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("TEMPODESK_OAUTH_STATE_SECRET ")
        .hasMessageContaining("at least 32 characters")
        .message()
        .doesNotContain("short-secret");
  }
}
