package dev.tempodesk.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code cid:} references of a stored body, as the thread shows them. */
class MessageAttachmentsCidTest {
  private static final UUID SHOT = UUID.fromString("00000000-0000-0000-0000-00000000000a");

  private static MessageAttachmentDto inline(String contentId) {
    return new MessageAttachmentDto(
        SHOT, "shot.png", "image/png", 10L, true, contentId, "STORED", null, null);
  }

  @Test
  void aKnownCidBecomesTheFilesTempodeskUrl() {
    String html = "<p>See:</p><img src=\"cid:shot-1@client\" alt='x'><img src='CID:Shot-1@Client'>";

    assertThat(MessageAttachments.rewriteCids(html, List.of(inline("shot-1@client"))))
        .isEqualTo(
            "<p>See:</p><img src=\"/api/attachments/"
                + SHOT
                + "?inline=true\" alt='x'>"
                + "<img src='/api/attachments/"
                + SHOT
                + "?inline=true'>");
  }

  @Test
  void aPercentEncodedCidUrlMatchesItsContentId() {
    assertThat(
            MessageAttachments.rewriteCids(
                "<img src=\"cid:image001.png%4001DA\">", List.of(inline("image001.png@01DA"))))
        .contains("/api/attachments/" + SHOT);
  }

  @Test
  void anUnknownCidAndTheRestOfTheBodyAreLeftAsTheyAre() {
    String html = "<img src=\"cid:other\"> cid is a word; <a href=\"https://x.example\">x</a>";

    assertThat(MessageAttachments.rewriteCids(html, List.of(inline("shot")))).isEqualTo(html);
    assertThat(MessageAttachments.rewriteCids(null, List.of(inline("shot")))).isNull();
    assertThat(MessageAttachments.rewriteCids(html, List.of())).isEqualTo(html);
  }
}
