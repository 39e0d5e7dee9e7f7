package dev.tempodesk.activities.nylas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code X-Nylas-Signature}: HMAC-SHA256 of the raw request bytes keyed with the webhook
 * secret, as hex. Verify before parsing, on the bytes exactly as received (compressed bytes when
 * {@code compressed_delivery} is on): re-serialised JSON never matches.
 *
 * <p>Nylas sends lowercase hex; uppercase is accepted too because the header is decoded to the MAC
 * bytes before comparing, and letter case carries no information.
 */
public final class NylasWebhookSignature {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int SIGNATURE_HEX_LENGTH = 64;

  private NylasWebhookSignature() {}

  public static boolean isValid(byte[] rawBody, String secret, String signatureHeader) {
    if (rawBody == null || secret == null || secret.isEmpty() || signatureHeader == null) {
      return false;
    }
    String hex = signatureHeader.trim();
    if (hex.length() != SIGNATURE_HEX_LENGTH) {
      return false;
    }
    byte[] received;
    try {
      received = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(rawBody, secret), received);
  }

  private static byte[] hmac(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required on every JVM", e);
    }
  }
}
