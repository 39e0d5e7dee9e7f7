package dev.tempodesk.api.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignaturePlacementTest {
  private static final String SIGNATURE = "<br><div>Ada, Tempodesk</div>";

  @Test
  void shouldPutTheSignatureBetweenTheAgentsWordsAndTheQuotedMessage() {
    String body =
        "<p>Fixed.</p><p>On 6 Dec 2026, 10:00, Dana wrote:</p><blockquote><p>It is"
            + " broken.</p></blockquote>";

    assertThat(Signatures.aboveTheQuote(body, SIGNATURE))
        .isEqualTo(
            "<p>Fixed.</p><br><div>Ada, Tempodesk</div><p>On 6 Dec 2026, 10:00, Dana wrote:</p>"
                + "<blockquote><p>It is broken.</p></blockquote>");
  }

  @Test
  void shouldAppendAtTheEndWhenNothingIsQuotedOrTheQuoteIsTheAgentsOwn() {
    assertThat(Signatures.aboveTheQuote("<p>Fixed.</p>", SIGNATURE))
        .isEqualTo("<p>Fixed.</p>" + SIGNATURE);
    // a quote the agent wrote in the middle of the reply, not the composer's quoted message
    String ownQuote = "<p>You said:</p><blockquote>it is broken</blockquote><p>Fixed now.</p>";
    assertThat(Signatures.aboveTheQuote(ownQuote, SIGNATURE)).isEqualTo(ownQuote + SIGNATURE);
  }

  @Test
  void shouldLeaveTheBodyAsItIsWithoutASignature() {
    String body = "<p>Fixed.</p><p>Dana wrote:</p><blockquote>broken</blockquote>";
    assertThat(Signatures.aboveTheQuote(body, "")).isEqualTo(body);
  }
}
