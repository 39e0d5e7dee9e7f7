package dev.tempodesk.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.Attachment;
import org.junit.jupiter.api.Test;

/** Which listed files are shown in the body rather than as attachments. */
class InboundAttachmentsInlineTest {

  private static Attachment file(String type, Boolean inline, String contentId, String disp) {
    return new Attachment("a1", "g", "f", type, 10L, inline, contentId, disp);
  }

  @Test
  void whatNylasMarksInlineIsInline() {
    assertThat(InboundAttachments.inline(file("image/png", true, "x", "inline"), "<p>hi</p>"))
        .isTrue();
  }

  @Test
  void anOutlookImageWithoutDispositionIsInlineWhenTheHtmlReferencesItsCid() {
    Attachment outlook = file("image/png", false, "<image001.png@01DA>", null);

    assertThat(InboundAttachments.inline(outlook, "<img src=\"CID:image001.png@01DA\">")).isTrue();
    assertThat(InboundAttachments.contentIdOf(outlook)).isEqualTo("image001.png@01DA");
  }

  @Test
  void aFileTheBodyDoesNotReferenceOrThatIsNoImageStaysAnAttachment() {
    assertThat(InboundAttachments.inline(file("image/png", false, "logo", null), "<p>no img</p>"))
        .isFalse();
    assertThat(
            InboundAttachments.inline(
                file("application/pdf", false, "doc", null), "<a href=\"cid:doc\">doc</a>"))
        .isFalse();
    assertThat(InboundAttachments.inline(file("image/png", null, null, null), "cid:")).isFalse();
  }

  @Test
  void limitsReadAsWholeMegabytes() {
    assertThat(InboundAttachments.megabytes(25L * 1024 * 1024)).isEqualTo("25 MB");
    assertThat(InboundAttachments.megabytes(1536L * 1024)).isEqualTo("1.5 MB");
  }
}
