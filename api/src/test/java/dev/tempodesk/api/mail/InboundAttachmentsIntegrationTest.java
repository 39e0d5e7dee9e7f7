package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENTS;
import static dev.tempodesk.db.jooq.Tables.ATTACHMENT_BLOBS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.Eventually;
import dev.tempodesk.api.attachment.MessageAttachmentDto;
import dev.tempodesk.api.attachment.MessageAttachments;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.fakes.nylas.InboundFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inbound files through the real pipeline (fake Nylas over HTTP, sync workflow, Postgres, the
 * attachment fetch workflow): listed with their message at once, fetched beside the ticket.
 */
class InboundAttachmentsIntegrationTest {
  /** A 1x1 PNG. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  private static MailPipeline pipeline;
  private static AttachmentRepository attachments;

  @BeforeAll
  static void start() {
    pipeline = new MailPipeline(FakeNylasServer.start("pipeline-key", "c", FaultPlan.none()), 3);
    attachments = new AttachmentRepository(pipeline.jooq.dsl());
    pipeline.startSync(Duration.ofMillis(200));
  }

  @AfterAll
  static void stop() throws Exception {
    pipeline.close();
  }

  @Test
  void aSlowDownloadDoesNotHoldUpTheTicket() {
    pipeline.nylas.faults().slowDownloads(Duration.ofSeconds(4));
    try {
      FakeMessage mail =
          receive(
              "Screen is blank",
              "<p>Here: <img src=\"cid:shot-1\"></p>",
              InboundFile.inline("screen.png", "image/png", PNG, "shot-1"),
              InboundFile.attached("invoice.pdf", "application/pdf", PDF));
      Instant received = Instant.now();

      MessagesRecord message = stored(mail);

      assertThat(Duration.between(received, Instant.now())).isLessThan(Duration.ofSeconds(4));
      assertThat(pipeline.tickets.find(message.getTicketNumber())).isPresent();
      // Listed with the message in its transaction, before any byte arrived.
      assertThat(files(message))
          .extracting(AttachmentsRecord::getFilename, AttachmentsRecord::getState)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("screen.png", AttachmentRepository.PENDING),
              org.assertj.core.groups.Tuple.tuple("invoice.pdf", AttachmentRepository.PENDING));

      awaitSettled(message, 2);
      assertThat(files(message))
          .extracting(
              AttachmentsRecord::getState,
              AttachmentsRecord::getContentType,
              AttachmentsRecord::getInline)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(AttachmentRepository.STORED, "image/png", true),
              org.assertj.core.groups.Tuple.tuple(
                  AttachmentRepository.STORED, "application/pdf", false));
    } finally {
      pipeline.nylas.faults().slowDownloads(Duration.ZERO);
    }
  }

  @Test
  void aFileOverTheLimitIsRefusedWithItsReasonAndNeverDownloaded() {
    byte[] big = new byte[25 * 1024 * 1024 + 1];
    big[0] = 'x';
    FakeMessage mail =
        receive(
            "Full backup",
            "The backup is attached.",
            InboundFile.attached("backup.zip", "application/zip", big),
            InboundFile.attached("notes.pdf", "application/pdf", PDF));

    MessagesRecord message = stored(mail);
    awaitSettled(message, 2);

    AttachmentsRecord refused = files(message).getFirst();
    assertThat(refused.getState()).isEqualTo(AttachmentRepository.REFUSED);
    assertThat(refused.getReason()).startsWith("Not kept: over 25 MB.").contains("backup.zip");
    assertThat(files(message).get(1).getState()).isEqualTo(AttachmentRepository.STORED);
    assertThat(pipeline.nylas.requests())
        .noneMatch(r -> r.path().endsWith("/" + mail.attachments().getFirst().id() + "/download"));
  }

  @Test
  void anExecutableNamedInvoicePdfIsRefusedByItsBytes() {
    FakeMessage mail =
        receive(
            "Invoice",
            "Please pay.",
            InboundFile.attached("invoice.pdf", "application/pdf", windowsExecutable()));

    MessagesRecord message = stored(mail);
    awaitSettled(message, 1);

    AttachmentsRecord file = files(message).getFirst();
    assertThat(file.getState()).isEqualTo(AttachmentRepository.REFUSED);
    assertThat(file.getReason()).contains("invoice.pdf").contains("executable");
    assertThat(file.getSha256()).isNull();
  }

  @Test
  void theSameFileInTwoMessagesIsStoredOnce() {
    byte[] manual = "%PDF-1.4\n% the printer manual, same bytes twice\n%%EOF\n".getBytes();
    MessagesRecord first =
        stored(receive("Manual", "Attached.", InboundFile.attached("manual.pdf", "x/y", manual)));
    MessagesRecord second =
        stored(
            receive(
                "Manual again",
                "Attached again.",
                InboundFile.attached("manual-copy.pdf", "application/pdf", manual)));
    awaitSettled(first, 1);
    awaitSettled(second, 1);

    String sha = files(first).getFirst().getSha256();
    assertThat(files(second).getFirst().getSha256()).isEqualTo(sha);
    assertThat(pipeline.jooq.dsl().fetchCount(ATTACHMENT_BLOBS, ATTACHMENT_BLOBS.SHA256.eq(sha)))
        .isEqualTo(1);
  }

  @Test
  void anOutlookInlineImageWithoutDispositionIsShownThroughItsTempodeskUrl() {
    String boundary = "b-" + UUID.randomUUID();
    String raw =
        """
        From: Olga Outlook <olga@corp.example>
        To: support@pipeline.example
        Subject: Error dialog
        Message-ID: <%s@corp.example>
        MIME-Version: 1.0
        Content-Type: multipart/related; boundary="%s"

        --%s
        Content-Type: text/html; charset=utf-8

        <p>I get this:</p><img src="cid:image001.png@01DA0000.12345678">
        --%s
        Content-Type: image/png; name="image001.png"
        Content-Transfer-Encoding: base64
        Content-ID: <image001.png@01DA0000.12345678>

        %s
        --%s--
        """
            .formatted(
                UUID.randomUUID(),
                boundary,
                boundary,
                boundary,
                Base64.getEncoder().encodeToString(PNG),
                boundary)
            .replace("\n", "\r\n");
    FakeMessage mail =
        pipeline.nylas.receiveRaw(MailPipeline.GRANT, raw.getBytes(StandardCharsets.UTF_8));

    MessagesRecord message = stored(mail);
    awaitSettled(message, 1);

    AttachmentsRecord image = files(message).getFirst();
    assertThat(image.getInline()).isTrue();
    assertThat(image.getContentId()).isEqualTo("image001.png@01DA0000.12345678");
    List<MessageAttachmentDto> dtos =
        new MessageAttachments(attachments).of(List.of(message)).get(message.getId());
    assertThat(MessageAttachments.rewriteCids(message.getBodyHtml(), dtos))
        .contains("<img src=\"/api/attachments/" + image.getId() + "?inline=true\">")
        .doesNotContain("cid:");
  }

  /** "MZ", padding, and the PE header at 0x80: the start of a Windows executable. */
  static byte[] windowsExecutable() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }

  static FakeMessage receive(String subject, String body, InboundFile... files) {
    return pipeline.nylas.receive(
        MailPipeline.GRANT,
        InboundEmail.of("Dana", "dana@client.example", subject, body)
            .withAttachments(List.of(files)));
  }

  static MessagesRecord stored(FakeMessage mail) {
    Eventually.await(
        () -> pipeline.threads.findMessage(pipeline.mailbox.getId(), mail.id()).isPresent());
    return pipeline.threads.findMessage(pipeline.mailbox.getId(), mail.id()).orElseThrow();
  }

  static List<AttachmentsRecord> files(MessagesRecord message) {
    return attachments.forMessages(List.of(message.getId()));
  }

  /** Until none of the message's {@code count} files is PENDING any more. */
  static void awaitSettled(MessagesRecord message, int count) {
    Eventually.await(
        () -> {
          List<AttachmentsRecord> rows = files(message);
          return rows.size() == count
              && rows.stream().noneMatch(r -> AttachmentRepository.PENDING.equals(r.getState()));
        });
  }

  static Optional<AttachmentsRecord> row(UUID id) {
    return pipeline.jooq.dsl().selectFrom(ATTACHMENTS).where(ATTACHMENTS.ID.eq(id)).fetchOptional();
  }
}
