package dev.tempodesk.activities.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Tempodesk-Signature} of a webhook post (docs/webhooks.md): {@code v1=} and the
 * lower-case hex HMAC-SHA256, keyed with the subscription's secret, of the {@code
 * X-Tempodesk-Timestamp} value, a dot, and the raw body. One home for the sender and for whoever
 * checks a post (tests, the docs' Java snippet).
 */
public final class WebhookSignature {
  public static final String VERSION = "v1=";

  /** Older timestamps are refused by {@link #verify}: a replayed post is no good after this. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new random signing secret ({@code whsec_} and 256 random bits). */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private WebhookSignature() {}

  /** The header value for a post of {@code body} at {@code timestamp} (unix seconds). */
  public static String sign(String secret, long timestamp, byte[] body) {
    return VERSION + HexFormat.of().formatHex(hmac(secret, timestamp, body));
  }

  /**
   * Whether {@code signatureHeader} signs {@code body} at {@code timestampHeader} with {@code
   * secret} and the timestamp is within {@link #TOLERANCE} of {@code now}. Compares in constant
   * time.
   */
  public static boolean verify(
      String secret, String timestampHeader, byte[] body, String signatureHeader, Instant now) {
    if (timestampHeader == null || signatureHeader == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException notANumber) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  private static byte[] hmac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
      throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
    }
  }
}
