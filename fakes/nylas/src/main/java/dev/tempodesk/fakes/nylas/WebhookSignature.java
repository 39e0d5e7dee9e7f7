package dev.tempodesk.fakes.nylas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Nylas-Signature}: lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the
 * UTF-8 webhook secret (reference §5.3).
 */
public final class WebhookSignature {
  public static final String HEADER = "X-Nylas-Signature";

  private WebhookSignature() {}

  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Constant-time check; a missing signature never verifies. */
  public static boolean verify(byte[] body, String secret, String signature) {
    if (signature == null) {
      return false;
    }
    byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(
        expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
