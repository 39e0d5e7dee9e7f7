package dev.tempodesk.activities.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way a sender's file name is made safe to keep and to hand back: path parts, control and
 * format characters and quotes go; what is left is at most 200 characters. Also builds the
 * Content-Disposition header (RFC 6266, with an RFC 5987 {@code filename*} for non-ASCII names).
 */
public final class AttachmentFilenames {
  private static final int MAX_LENGTH = 200;

  private AttachmentFilenames() {}

  /** The name to keep, or {@code null} when nothing usable is left (an unnamed file). */
  public static String clean(String filename) {
    if (filename == null) {
      return null;
    }
    String name = Normalizer.normalize(filename, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .filter(c -> c != '"' && c != '\'' && c != '`' && c != ':' && c != '*' && c != '?')
        .filter(c -> c != '<' && c != '>' && c != '|')
        .forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    // Windows drops trailing dots and spaces, so "run.exe." would still run.
    while (name.endsWith(".") || name.endsWith(" ")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
    }
    return name.isBlank() ? null : name;
  }

  /** The lower-case extension of a (clean) name, without the dot, or {@code null}. */
  public static String extension(String filename) {
    if (filename == null) {
      return null;
    }
    int dot = filename.lastIndexOf('.');
    return dot < 0 || dot == filename.length() - 1
        ? null
        : filename.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code attachment; filename="..."; filename*=UTF-8''...} (or {@code inline}): the plain {@code
   * filename} keeps ASCII only, the {@code filename*} carries the full clean name.
   */
  public static String contentDisposition(String filename, boolean inline) {
    String name = clean(filename);
    if (name == null) {
      name = "attachment";
    }
    StringBuilder ascii = new StringBuilder();
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '\\' && c != ';' && c != ',' ? c : '_');
    }
    return (inline ? "inline" : "attachment")
        + "; filename=\""
        + ascii
        + "\"; filename*=UTF-8''"
        + percentEncode(name);
  }

  private static String percentEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean attrChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$&+-.^_`|~".indexOf(c) >= 0;
      if (attrChar) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
