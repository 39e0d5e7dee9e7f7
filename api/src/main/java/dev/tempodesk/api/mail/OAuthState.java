package dev.tempodesk.api.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The {@code state} of the hosted OAuth flow: an expiring, HMAC-signed token, so a callback is
 * accepted only for a flow this app started (no login CSRF). The key is made per process: a flow
 * started before a restart must simply be started again.
 */
@Component
class OAuthState {
  static final Duration VALIDITY = Duration.ofMinutes(15);

  private final byte[] key = new byte[32];
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  OAuthState(Clock clock) {
    this.clock = clock;
    random.nextBytes(key);
  }

  String issue() {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String payload =
        Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)
            + "."
            + clock.instant().plus(VALIDITY).getEpochSecond();
    return payload + "." + sign(payload);
  }

  boolean isValid(String state) {
    if (state == null) {
      return false;
    }
    int lastDot = state.lastIndexOf('.');
    int expiryDot = state.lastIndexOf('.', lastDot - 1);
    if (lastDot < 0 || expiryDot < 0) {
      return false;
    }
    String payload = state.substring(0, lastDot);
    boolean signed =
        MessageDigest.isEqual(
            sign(payload).getBytes(StandardCharsets.US_ASCII),
            state.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII));
    try {
      long expiry = Long.parseLong(state.substring(expiryDot + 1, lastDot));
      return signed && clock.instant().getEpochSecond() <= expiry;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
