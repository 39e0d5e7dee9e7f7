package dev.tempodesk.api.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureHtmlTest {
  @Test
  void shouldDropScriptsHandlersAndUnsafeLinksButKeepTheirText() {
    String clean =
        SignatureHtml.sanitize(
            "<script>steal()</script><b onclick=\"x()\">Jane</b>"
                + " <a href=\"javascript:alert(1)\">click</a> <img src=\"https://t.example/p.gif\">"
                + "<a href=\"https://acme.example\">Acme</a>");

    // the rule for all mail HTML (MailHtml): an image (a logo) stays, links open without referrer
    assertThat(clean)
        .isEqualTo(
            "<b>Jane</b> <a rel=\"noopener noreferrer nofollow\">click</a>"
                + " <img src=\"https://t.example/p.gif\"><a href=\"https://acme.example\""
                + " rel=\"noopener noreferrer nofollow\">Acme</a>");
  }

  @Test
  void shouldTurnTypedLineBreaksIntoBrButNotTheLayoutOfBlocks() {
    assertThat(SignatureHtml.sanitize("Cheers,\r\n<b>Jane</b>\nAcme <{{agent.email}}>\n\nBye"))
        .isEqualTo("Cheers,<br>\n<b>Jane</b><br>\nAcme &lt;{{agent.email}}&gt;<br>\n<br>\nBye");
    assertThat(SignatureHtml.sanitize("<p>One</p>\n<p>Two<br>\nthree</p>"))
        .isEqualTo("<p>One</p>\n<p>Two<br>\nthree</p>");
  }

  @Test
  void shouldKeepAStoredSignatureAsItIsWhenSavedAgain() {
    String once =
        SignatureHtml.sanitize("Cheers,\nJane\n<a href=\"mailto:{{agent.email}}\">mail</a>");

    assertThat(SignatureHtml.sanitize(once)).isEqualTo(once);
    assertThat(once).contains("href=\"mailto:{{agent.email}}\"");
  }

  @Test
  void shouldRenderPlainTextWithLineBreaksBlocksAndLinkAddresses() {
    assertThat(
            SignatureHtml.toText(
                "<b>Jane</b> &amp; co<br>\n<a href=\"https://acme.example\">Acme</a>"
                    + "<p>Call <a href=\"mailto:a@acme.example\">a@acme.example</a></p>"
                    + "<ul><li>one</li><li>two</li></ul>"))
        .isEqualTo("Jane & co\nAcme <https://acme.example>\n\nCall a@acme.example\n\n- one\n- two");
    assertThat(SignatureHtml.toText("")).isEmpty();
  }
}
