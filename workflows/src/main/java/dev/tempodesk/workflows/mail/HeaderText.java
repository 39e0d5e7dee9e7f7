package dev.tempodesk.workflows.mail;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one rule for text that becomes (part of) a mail header: a subject, a display name, an
 * address, a Message-ID reference or a custom header's value. A line break there ends the header
 * and starts a new one, so {@code "Hi\r\nBcc: x@y"} as a subject would add a recipient; other
 * control characters are no more welcome in a header.
 *
 * <p>Unsafe: every C0 control except TAB (so CR, LF and NUL), DEL, every C1 control (U+0080 to
 * U+009F, NEL among them) and the Unicode line and paragraph separators U+2028 and U+2029. TAB is
 * folding white space in RFC 5322 and cannot start a header line, so it stays.
 *
 * <p>Mail as received is cleaned ({@link #clean}): it is what it is, and a folded subject ({@code
 * "long\r\n subject"}) is a normal header. Text a person typed into the API is refused instead
 * ({@link #problem}), so they see what was wrong. The sender cleans again before every send.
 */
public final class HeaderText {
  private HeaderText() {}

  /** Whether this code point must not appear in a mail header. */
  public static boolean isUnsafe(int c) {
    return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029';
  }

  /**
   * The text as a header may carry it: every run of unsafe characters, with the spaces and tabs
   * around it, becomes one space (so a folded line unfolds to its words), and is dropped at either
   * end. Text without unsafe characters is returned as it is; null stays null.
   */
  public static String clean(String text) {
    if (text == null || text.codePoints().noneMatch(HeaderText::isUnsafe)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      if (isUnsafe(c)) {
        while (!out.isEmpty() && isBlank(out.charAt(out.length() - 1))) {
          out.setLength(out.length() - 1);
        }
        pendingSpace = !out.isEmpty();
        i += Character.charCount(c);
        while (i < text.length() && (isUnsafe(text.codePointAt(i)) || isBlank(text.charAt(i)))) {
          i += Character.charCount(text.codePointAt(i));
        }
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(c);
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /**
   * Why this text cannot go into a header, naming the first unsafe character, or empty when it can
   * (null can).
   */
  public static Optional<String> problem(String text) {
    if (text == null) {
      return Optional.empty();
    }
    OptionalInt unsafe = text.codePoints().filter(HeaderText::isUnsafe).findFirst();
    return unsafe.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "must be one line without control characters; it contains "
                + describe(unsafe.getAsInt())
                + ".");
  }

  private static String describe(int c) {
    String code = "U+%04X".formatted(c);
    return switch (c) {
      case '\r' -> "a carriage return (" + code + ")";
      case '\n' -> "a line feed (" + code + ")";
      case 0 -> "a NUL character (" + code + ")";
      case 0x85, '\u2028', '\u2029' -> "a line or paragraph separator (" + code + ")";
      default -> "a control character (" + code + ")";
    };
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
