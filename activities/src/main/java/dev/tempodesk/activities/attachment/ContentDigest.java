package dev.tempodesk.activities.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The one way attachment content is named: SHA-256 as 64 lower-case hex digits. */
public final class ContentDigest {
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

  private ContentDigest() {}

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether {@code value} is a digest this store could have produced (guards keys and paths). */
  public static boolean isDigest(String value) {
    return value != null && SHAPE.matcher(value).matches();
  }
}
