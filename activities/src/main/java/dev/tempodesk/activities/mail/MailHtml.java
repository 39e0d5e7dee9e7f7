package dev.tempodesk.activities.mail;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one rule for HTML that agents write (replies, notes, macros' HTML): what of it is stored and
 * mailed, and its plain-text alternative.
 *
 * <p>{@link #sanitize} keeps formatting only: paragraphs, line breaks, bold, italics, underline,
 * strike-through, headings, bulleted and numbered lists, quotes, inline code and code blocks,
 * tables, links to {@code http}, {@code https} and {@code mailto} (marked {@code rel="noopener
 * noreferrer nofollow"}) and images from {@code http}, {@code https} or an attachment ({@code
 * cid:}). Everything else goes: scripts, styles, frames, objects, forms, SVG and MathML, every
 * {@code on*} handler, {@code style} and {@code class} attributes, and links or images with any
 * other scheme ({@code javascript:}, {@code vbscript:}, {@code data:}, relative URLs). The text of
 * a removed element stays (as text), except for script and style, whose content goes with them.
 * Sanitizing sanitized HTML changes nothing.
 */
public final class MailHtml {
  private static final Safelist SAFELIST =
      Safelist.relaxed()
          .addTags("s", "del", "ins", "hr", "span")
          .addProtocols("img", "src", "cid")
          .removeProtocols("a", "href", "ftp")
          .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "pre",
          "table",
          "ul",
          "ol",
          "blockquote",
          "hr",
          "dl");
  private static final Set<String> LINES = Set.of("li", "tr", "dt", "dd", "caption");

  /** Deeper than this, an element's text is taken as it is (no list or quote markers). */
  private static final int MAX_DEPTH = 100;

  private MailHtml() {}

  /** The HTML with only the formatting kept (see the class comment); never null. */
  public static String sanitize(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document dirty = Jsoup.parseBodyFragment(html, "");
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    return clean.body().html().strip();
  }

  /** Whether the HTML shows nothing a reader would see: no text and no image. */
  public static boolean isBlank(String sanitizedHtml) {
    Document doc = Jsoup.parseBodyFragment(sanitizedHtml == null ? "" : sanitizedHtml);
    return doc.body().text().isBlank() && doc.body().select("img").isEmpty();
  }

  /**
   * The plain-text alternative of sanitized HTML: paragraphs separated by a blank line, list items
   * as {@code - } or {@code 1. }, links as {@code text <url>}, quotes with {@code > } before each
   * line, code blocks as written, images as {@code [image: alt]}.
   */
  public static String toText(String sanitizedHtml) {
    if (sanitizedHtml == null || sanitizedHtml.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    children(Jsoup.parseBodyFragment(sanitizedHtml).body(), out, false, 0);
    return tidy(out.toString());
  }

  private static void children(Element parent, StringBuilder out, boolean pre, int depth) {
    for (Node child : parent.childNodes()) {
      node(child, out, pre, depth + 1);
    }
  }

  private static void node(Node node, StringBuilder out, boolean pre, int depth) {
    if (node instanceof TextNode text) {
      if (pre) {
        out.append(text.getWholeText());
      } else {
        inline(out, text.text());
      }
      return;
    }
    if (!(node instanceof Element element)) {
      return;
    }
    if (depth > MAX_DEPTH) {
      inline(out, element.text());
      return;
    }
    String tag = element.normalName();
    switch (tag) {
      case "br" -> out.append('\n');
      case "hr" -> block(out, "----");
      case "a" -> link(element, out, pre, depth);
      case "img" -> {
        String alt = element.attr("alt").strip();
        inline(out, alt.isEmpty() ? "[image]" : "[image: " + alt + "]");
      }
      case "blockquote" -> block(out, prefixed(render(element, pre, depth), "> ", "> "));
      case "ul", "ol" -> list(element, out, pre, depth, tag.equals("ol"));
      case "pre" -> block(out, render(element, true, depth));
      default -> {
        if (PARAGRAPHS.contains(tag)) {
          block(out, render(element, pre, depth));
        } else if (LINES.contains(tag)) {
          line(out);
          children(element, out, pre, depth);
          line(out);
        } else if (tag.equals("td") || tag.equals("th")) {
          if (!endsWithLine(out)) {
            out.append(' ');
          }
          children(element, out, pre, depth);
        } else {
          children(element, out, pre, depth);
        }
      }
    }
  }

  private static void link(Element a, StringBuilder out, boolean pre, int depth) {
    String text = render(a, pre, depth).strip();
    String href = a.attr("href");
    String shown = href.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
    if (href.isEmpty() || text.equals(shown) || text.equals(href)) {
      inline(out, text.isEmpty() ? shown : text);
    } else if (text.isEmpty()) {
      inline(out, "<" + shown + ">");
    } else {
      inline(out, text + " <" + shown + ">");
    }
  }

  private static void list(
      Element list, StringBuilder out, boolean pre, int depth, boolean numbered) {
    StringBuilder items = new StringBuilder();
    int number = numbered ? Math.max(1, parseStart(list.attr("start"))) : 0;
    for (Node child : list.childNodes()) {
      if (child instanceof Element item && item.normalName().equals("li")) {
        String marker = numbered ? (number++) + ". " : "- ";
        String text = render(item, pre, depth);
        line(items);
        items.append(prefixed(text.isEmpty() ? "" : text, marker, " ".repeat(marker.length())));
      } else {
        node(child, items, pre, depth + 1);
      }
    }
    // A list inside a list item continues that item's lines; elsewhere it is a paragraph.
    boolean nested = list.parent() != null && list.parent().normalName().equals("li");
    if (nested) {
      while (out.length() > 1 && out.toString().endsWith("\n\n")) {
        out.setLength(out.length() - 1);
      }
      line(out);
      out.append(tidy(items.toString()));
      line(out);
    } else {
      block(out, tidy(items.toString()));
    }
  }

  private static int parseStart(String start) {
    try {
      return start.isBlank() ? 1 : Integer.parseInt(start.strip());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String render(Element element, boolean pre, int depth) {
    StringBuilder inner = new StringBuilder();
    children(element, inner, pre, depth);
    return pre && element.normalName().equals("pre") ? trimNewlines(inner) : tidy(inner.toString());
  }

  private static String trimNewlines(CharSequence text) {
    String s = text.toString();
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '\n') {
      start++;
    }
    while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Each line of {@code text} with a prefix: {@code first} on the first, {@code rest} after (an
   * empty line gets the prefix without its trailing space).
   */
  private static String prefixed(String text, String first, String rest) {
    List<String> lines = text.lines().toList();
    if (lines.isEmpty()) {
      return first.stripTrailing();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      out.append(((i == 0 ? first : rest) + lines.get(i)).stripTrailing()).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static void inline(StringBuilder out, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (endsWithLine(out)) {
      text = text.stripLeading();
    }
    out.append(text);
  }

  private static void block(StringBuilder out, String text) {
    if (!out.isEmpty()) {
      line(out);
      if (!out.toString().endsWith("\n\n")) {
        out.append('\n');
      }
    }
    out.append(text);
    out.append("\n\n");
  }

  private static void line(StringBuilder out) {
    if (!endsWithLine(out)) {
      out.append('\n');
    }
  }

  private static boolean endsWithLine(StringBuilder out) {
    return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
  }

  /** Trailing spaces off every line, at most one blank line in a row, none at either end. */
  private static String tidy(String text) {
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.stripTrailing();
      if (trimmed.isEmpty()) {
        blank++;
        continue;
      }
      if (!out.isEmpty()) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      out.append(trimmed);
    }
    return out.toString();
  }
}
