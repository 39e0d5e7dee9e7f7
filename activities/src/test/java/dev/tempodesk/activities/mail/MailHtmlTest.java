package dev.tempodesk.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What of an agent's HTML survives: hostile and odd inputs by the classes of the OWASP XSS filter
 * evasion cheat sheet (script and style, frames and objects, event handlers, script URLs in href
 * and src, SVG, CSS expressions, malformed and unclosed tags, entities, nested quotes, deep
 * nesting), each with the exact HTML stored and mailed; and the plain-text alternative derived from
 * it.
 */
class MailHtmlTest {

  static Stream<Arguments> hostile() {
    return Stream.of(
        // script and style: the element and its content go
        Arguments.of("<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>"),
        Arguments.of("<SCRIPT SRC=//xss.example/x.js></SCRIPT>ok", "ok"),
        Arguments.of("<<SCRIPT>alert(\"XSS\");//<</SCRIPT>", "&lt;"),
        Arguments.of("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
        Arguments.of("<p style=\"color:red\">x</p>", "<p>x</p>"),
        // CSS expressions and url() in style attributes
        Arguments.of("<div style=\"width: expression(alert('XSS'));\">w</div>", "<div>w</div>"),
        Arguments.of(
            "<span style=\"background:url(javascript:alert(1))\">s</span>", "<span>s</span>"),
        Arguments.of("<link rel=stylesheet href=\"http://xss.example/x.css\">t", "t"),
        // frames, objects, embeds, forms, meta, base
        Arguments.of("<iframe src=\"https://evil.example\"></iframe>after", "after"),
        Arguments.of("<object data=\"x.swf\"><param name=a value=b></object>o", "o"),
        Arguments.of("<embed src=\"x.swf\">e", "e"),
        Arguments.of("<form action=\"https://evil.example\"><input name=p></form>f", "f"),
        Arguments.of("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">m", "m"),
        Arguments.of("<base href=\"javascript:alert(1)//\">b", "b"),
        // event handlers
        Arguments.of(
            "<img src=\"https://x.example/a.png\" onerror=\"alert(1)\">",
            "<img src=\"https://x.example/a.png\">"),
        Arguments.of("<b onmouseover=alert(1)>bold</b>", "<b>bold</b>"),
        Arguments.of(
            "<a href=\"https://ok.example\" onclick=\"steal()\">go</a>",
            "<a href=\"https://ok.example\" rel=\"noopener noreferrer nofollow\">go</a>"),
        Arguments.of("<body onload=alert(1)>text", "text"),
        // javascript:, vbscript:, data: URLs (also obfuscated) in href and src
        Arguments.of(
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a rel=\"noopener noreferrer nofollow\">x</a>"),
        Arguments.of(
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a rel=\"noopener noreferrer nofollow\">x</a>"),
        Arguments.of(
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<a rel=\"noopener noreferrer nofollow\">x</a>"),
        Arguments.of(
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">x</a>",
            "<a rel=\"noopener noreferrer nofollow\">x</a>"),
        Arguments.of(
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a rel=\"noopener noreferrer nofollow\">x</a>"),
        Arguments.of(
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a rel=\"noopener noreferrer nofollow\">x</a>"),
        Arguments.of("<img src=\"javascript:alert(1)\">", "<img>"),
        Arguments.of("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "<img>"),
        Arguments.of("<img src=\"/relative.png\">", "<img>"),
        Arguments.of(
            "<img src=\"cid:logo@mail\" alt=\"logo\">", "<img src=\"cid:logo@mail\" alt=\"logo\">"),
        Arguments.of(
            "<a href=\"mailto:jane@acme.example\">Jane</a>",
            "<a href=\"mailto:jane@acme.example\" rel=\"noopener noreferrer nofollow\">Jane</a>"),
        // SVG and MathML
        Arguments.of("<svg onload=alert(1)><circle r=5></circle></svg>s", "s"),
        Arguments.of("<svg><script>alert(1)</script></svg>z", "z"),
        Arguments.of("<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>", "m"),
        // malformed and unclosed tags
        Arguments.of("<b>bold <i>both</b> italic", "<b>bold <i>both</i></b><i> italic</i>"),
        Arguments.of("<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">", "<img>\"&gt;"),
        Arguments.of("<p>unclosed", "<p>unclosed</p>"),
        Arguments.of("<img src=x:alert(1) onerror=eval(src)>", "<img>"),
        // entities and nested quotes stay text
        Arguments.of(
            "&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        Arguments.of("Fish &amp; chips &copy; &#x263A;", "Fish &amp; chips © ☺"),
        Arguments.of(
            "<a href='https://x.example/?q=\"a\"' title=\"it's \\\"\">q</a>",
            "<a href=\"https://x.example/?q=&quot;a&quot;\" title=\"it's \\\""
                + " rel=\"noopener noreferrer nofollow\">q</a>"),
        Arguments.of(
            "<blockquote><blockquote><blockquote>deep</blockquote></blockquote></blockquote>",
            "<blockquote><blockquote><blockquote>deep</blockquote></blockquote></blockquote>"),
        // what the composer writes survives as written
        Arguments.of(
            "<p><strong>Bold</strong> <em>it</em> <s>gone</s> <code>x()</code></p>"
                + "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol>"
                + "<pre><code>a &lt; b</code></pre>",
            "<p><strong>Bold</strong> <em>it</em> <s>gone</s> <code>x()</code></p>"
                + "<ul><li><p>one</p></li></ul><ol><li><p>two</p></li></ol>"
                + "<pre><code>a &lt; b</code></pre>"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("hostile")
  void keepsOnlyFormatting(String input, String stored) {
    String clean = MailHtml.sanitize(input);
    assertThat(clean).isEqualTo(stored);
    assertThat(MailHtml.sanitize(clean)).as("sanitizing twice changes nothing").isEqualTo(clean);
    assertThat(clean.toLowerCase())
        .doesNotContain("<script", "javascript:", "vbscript:", "onerror", "onload", "<svg");
  }

  @Test
  void survivesHugeNesting() {
    String deep = "<div>".repeat(20_000) + "x" + "</div>".repeat(20_000);
    String clean = MailHtml.sanitize(deep);
    assertThat(clean).contains("x");
    assertThat(MailHtml.toText(clean)).isEqualTo("x");
    String quotes = "<blockquote>".repeat(5_000) + "q";
    assertThat(MailHtml.toText(MailHtml.sanitize(quotes))).endsWith("q");
  }

  @Test
  void blankWhenNothingVisibleRemains() {
    assertThat(MailHtml.isBlank(MailHtml.sanitize("<script>alert(1)</script><p> </p>"))).isTrue();
    assertThat(MailHtml.isBlank(MailHtml.sanitize("<img src=\"cid:a@b\">"))).isFalse();
    assertThat(MailHtml.isBlank(MailHtml.sanitize("<p>hi</p>"))).isFalse();
  }

  @Test
  void plainTextAlternativeKeepsTheStructure() {
    String html =
        "<p>Hello <strong>Jane</strong>,</p>"
            + "<p>Please try:</p>"
            + "<ol><li><p>Restart the <em>router</em></p></li><li><p>Open"
            + " <a href=\"https://help.example/vpn\">the guide</a></p>"
            + "<ul><li><p>step a</p></li></ul></li></ol>"
            + "<ul><li><p>Mail <a href=\"mailto:it@acme.example\">it@acme.example</a></p></li></ul>"
            + "<pre><code>ping 10.0.0.1\n  -c 3</code></pre>"
            + "<p>On 1 May 2026, Jane wrote:</p>"
            + "<blockquote><p>It does not work.</p><blockquote><p>Older</p></blockquote></blockquote>"
            + "<p>Line<br>break</p>";
    assertThat(MailHtml.toText(MailHtml.sanitize(html)))
        .isEqualTo(
            """
            Hello Jane,

            Please try:

            1. Restart the router
            2. Open the guide <https://help.example/vpn>
               - step a

            - Mail it@acme.example

            ping 10.0.0.1
              -c 3

            On 1 May 2026, Jane wrote:

            > It does not work.
            >
            > > Older

            Line
            break""");
  }
}
