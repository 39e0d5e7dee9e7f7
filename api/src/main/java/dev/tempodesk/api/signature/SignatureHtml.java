package dev.tempodesk.api.signature;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/**
 * The HTML of signatures: sanitized to a small subset before it is stored, and rendered as plain
 * text for plain-text replies.
 *
 * <p>Sanitizing keeps jsoup's {@link Safelist#basic()} (text formatting, lists, quotes, code and
 * http/https/mailto links) plus {@code div}; everything else (scripts, styles, images, event
 * handlers, {@code javascript:} links) is dropped, its text kept. A line break typed in the editor
 * (a newline that does not follow a {@code <br>} or a block's tag) becomes {@code <br>}.
 *
 * <p>Issue 20 item 1 sanitizes reply bodies on the server too; once that sanitizer is on main, the
 * two belong in one home.
 */
public final class SignatureHtml {
  private static final Safelist SAFELIST =
      Safelist.basic().addTags("div").removeEnforcedAttribute("a", "rel");

  /** A line that ends with a line break or a block's tag already: its newline is only layout. */
  private static final Pattern ENDS_WITH_BREAK =
      Pattern.compile(
          "(?i)</?(?:br|p|div|ul|ol|li|dl|dt|dd|blockquote|pre|h[1-6]|table|tr|td)\\b[^<>]*>\\s*$");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "tr");

  private SignatureHtml() {}

  /** The HTML as it is stored: typed line breaks as {@code <br>}, only the safelist's markup. */
  public static String sanitize(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String withBreaks = typedLineBreaks(html.strip().replace("\r\n", "\n"));
    Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(withBreaks, "", SAFELIST, output).strip();
  }

  private static void newLine(StringBuilder text) {
    if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
      text.append('\n');
    }
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

  /**
   * The HTML as plain text: line breaks and blocks (paragraphs, list items as "- ") on lines of
   * their own, a link's address after its text (unless the text is the address), at most one empty
   * line in a row.
   */
  public static String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    Jsoup.parseBodyFragment(html)
        .body()
        .traverse(
            new NodeVisitor() {
              @Override
              public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                  text.append(textNode.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                  if (element.nameIs("br")) {
                    text.append('\n');
                  } else if (BLOCKS.contains(element.normalName())) {
                    newLine(text);
                    if (element.nameIs("li")) {
                      text.append("- ");
                    }
                  }
                }
              }

              @Override
              public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                  if (element.nameIs("a")) {
                    String href = element.attr("href");
                    String shown = element.text().strip();
                    String address = href.startsWith("mailto:") ? href.substring(7) : href;
                    if (!href.isBlank() && !address.equals(shown)) {
                      text.append(" <").append(address).append('>');
                    }
                  } else if (BLOCKS.contains(element.normalName())) {
                    newLine(text);
                  }
                }
              }
            });
    return text.toString()
        .lines()
        .map(String::strip)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }
}
