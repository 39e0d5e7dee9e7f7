package dev.tempodesk.activities.nylas;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a path segment, leaving only RFC 3986 unreserved characters as they are. Stricter
 * than {@code HttpUrl.Builder.addPathSegment}, which keeps {@code +} and {@code =} literal:
 * Microsoft IDs are base64-like, and the official SDKs send {@code %2B}/{@code %3D} so no hop can
 * read a {@code +} as a space.
 */
final class PathSegments {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegments() {}

  static String encode(String segment) {
    if (segment.equals(".") || segment.equals("..")) {
      // HttpUrl would resolve these as dot segments and walk up the path.
      throw new IllegalArgumentException("path segment must not be '.' or '..'");
    }
    StringBuilder out = new StringBuilder(segment.length());
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
