package dev.tempodesk.api.mail;

import dev.tempodesk.api.config.InvalidSettingException;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.db.security.SharedSecretRepository;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@code state} of the hosted OAuth flow: an expiring, HMAC-signed token, so a callback is
 * accepted only for a flow this app started (no login CSRF). Every replica signs with the same key,
 * and a restart keeps it: a flow started on one replica completes on any other, before or after a
 * deploy. The key is {@value #SECRET_VARIABLE} when set, else one generated once and kept in the
 * database.
 */
@Component
class OAuthState {
  static final Duration VALIDITY = Duration.ofMinutes(15);
  static final String SECRET_VARIABLE = "TEMPODESK_OAUTH_STATE_SECRET";
  static final String SECRET_NAME = "oauth-state";
  static final int MIN_SECRET_LENGTH = 32;

  private final byte[] key;
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  @Autowired
  OAuthState(TempodeskProperties properties, SharedSecretRepository secrets, Clock clock) {
    this(key(properties.oauth(), secrets), clock);
  }

  OAuthState(byte[] key, Clock clock) {
    this.key = key.clone();
    this.clock = clock;
  }

  /** The configured secret, or the database's shared one (made by the first replica to ask). */
  static byte[] key(TempodeskProperties.OAuth settings, SharedSecretRepository secrets) {
    String configured = settings.stateSecret();
    if (configured == null) {
      return secrets.getOrCreate(SECRET_NAME);
    }
    if (configured.length() < MIN_SECRET_LENGTH) {
      throw new InvalidSettingException(
          SECRET_VARIABLE,
          "must be at least "
              + MIN_SECRET_LENGTH
              + " characters long (got "
              + configured.length()
              + "); e.g. the output of `openssl rand -base64 32`, the same on every replica");
    }
    return configured.getBytes(StandardCharsets.UTF_8);
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
