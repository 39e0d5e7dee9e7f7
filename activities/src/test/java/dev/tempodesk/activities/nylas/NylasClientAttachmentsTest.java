package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.InboundFile;
import dev.tempodesk.fakes.nylas.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments as the message listing declares them, and their download, against the fake. */
class NylasClientAttachmentsTest extends NylasClientTestBase {
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};

  private FakeMessage received;

  @BeforeEach
  void mailWithTwoFiles() {
    nylas.addGrant(GRANT, "support@ourco.example");
    received =
        nylas.receive(
            GRANT,
            InboundEmail.of(
                    "Dana Client",
                    "dana@client.example",
                    "Broken printer",
                    "<p>See <img src=\"cid:shot1@client\"> and the invoice.</p>")
                .withAttachments(
                    List.of(
                        InboundFile.inline("shot.png", "image/png", PNG, "shot1@client"),
                        InboundFile.attached("invoice.pdf", "application/pdf", PDF))));
  }

  @Test
  void theListingDeclaresEachFileWithoutItsContent() {
    NylasMessage message = client.getMessage(GRANT, received.id(), false);

    assertThat(message.attachments())
        .extracting(
            Attachment::filename,
            Attachment::contentType,
            Attachment::size,
            Attachment::isInline,
            Attachment::contentId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "shot.png", "image/png", (long) PNG.length, true, "shot1@client"),
            org.assertj.core.groups.Tuple.tuple(
                "invoice.pdf", "application/pdf", (long) PDF.length, false, null));
    assertThat(message.attachments()).allMatch(a -> GRANT.equals(a.grantId()));
  }

  @Test
  void downloadsTheBytesOfOneFileOfAMessage() {
    String id = received.attachments().get(1).id();

    AttachmentDownload download = client.downloadAttachment(GRANT, id, received.id(), 1024 * 1024);

    assertThat(download.content()).isEqualTo(PDF);
    assertThat(download.contentType()).isEqualTo("application/pdf");
    assertThat(download.overLimit()).isFalse();
    RecordedRequest request = takeRequest();
    assertThat(request.path())
        .isEqualTo("/v3/grants/" + GRANT + "/attachments/" + id + "/download");
    assertThat(request.target()).contains("message_id=" + received.id());
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void aFileBiggerThanTheLimitIsNotKeptInMemory() {
    String id = received.attachments().get(1).id();

    AttachmentDownload download = client.downloadAttachment(GRANT, id, received.id(), 10);

    assertThat(download.overLimit()).isTrue();
    assertThat(download.content()).isEmpty();
  }

  @Test
  void retriesA503AndA429LikeEveryRead() {
    nylas.faults().failNextDownloads(1, 503);
    nylas.faults().failNextDownloads(1, 429);
    String id = received.attachments().getFirst().id();

    AttachmentDownload download = client.downloadAttachment(GRANT, id, received.id(), 1024);

    assertThat(download.content()).isEqualTo(PNG);
    assertThat(nylas.requests()).hasSize(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void anUnknownAttachmentIsA404WithoutRetries() {
    NylasApiException e =
        catchApiError(() -> client.downloadAttachment(GRANT, "att-nope", received.id(), 1024));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.retryable()).isFalse();
    assertThat(nylas.requests()).hasSize(1);
  }

  @Test
  void idsWithSlashesArePathEncoded() {
    nylas.script(
        "GET",
        GRANT_PATH + "/attachments/*/download",
        dev.tempodesk.fakes.nylas.ScriptedReply.text(200, "application/pdf", "%PDF-1.4"));

    AttachmentDownload download = client.downloadAttachment(GRANT, "AAMk+a/b=", "m/1", 1024);

    assertThat(new String(download.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4");
    assertThat(takeRequest().target()).contains("/attachments/AAMk%2Ba%2Fb%3D/download");
  }
}
