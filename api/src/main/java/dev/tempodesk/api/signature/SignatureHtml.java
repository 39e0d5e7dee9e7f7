package dev.tempodesk.api.signature;

import dev.tempodesk.activities.mail.MailHtml;
import java.util.regex.Pattern;

/**
 * The HTML of signatures: sanitized by the one rule for mail HTML ({@link MailHtml}) before it is
 * stored, and rendered as plain text for plain-text replies the same way as a reply's body. The
 * only signature-specific step: a line break typed in the editor (a newline that does not follow a
 * {@code <br>} or a block's tag) becomes {@code <br>}.
 */
public final class SignatureHtml {
  /** A line that ends with a line break or a block's tag already: its newline is only layout. */
  private static final Pattern ENDS_WITH_BREAK =
      Pattern.compile(
          "(?i)</?(?:br|p|div|ul|ol|li|dl|dt|dd|blockquote|pre|h[1-6]|table|tr|td)\\b[^<>]*>\\s*$");

  private SignatureHtml() {}

  /** The HTML as it is stored: typed line breaks as {@code <br>}, only mail's safe markup. */
  public static String sanitize(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return MailHtml.sanitize(typedLineBreaks(html.strip().replace("\r\n", "\n"))).strip();
  }

  /** Each newline that does not follow a {@code <br>} or a block's tag gets a {@code <br>}. */
  private static String typedLineBreaks(String html) {
    StringBuilder result = new StringBuilder(html.length());
    int lineStart = 0;
    for (int i = 0; i < html.length(); i++) {
      if (html.charAt(i) == '\n') {
        if (!ENDS_WITH_BREAK.matcher(html.substring(lineStart, i)).find()) {
          result.append("<br>");
        }
        lineStart = i + 1;
      }
      result.append(html.charAt(i));
    }
    return result.toString();
  }

  /** The HTML as plain text, as a reply's plain-text alternative is made. */
  public static String toText(String html) {
    return MailHtml.toText(html);
  }
}
