package dev.tempodesk.api.attachment;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GET /api/attachments/{id} on the running app over Postgres: who may download what, and the
 * headers that keep a downloaded file from running as a page of our origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentDownloadApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired AttachmentRepository attachments;
  @Autowired AttachmentStore store;
  @Autowired AttachmentPolicy policy;
  @Autowired MessageRepository messages;

  private final AtomicInteger position = new AtomicInteger();
  private HttpApi asCarla;
  private HttpApi asGina;
  private HttpApi asAgent;
  private UUID carlasMessage;
  private UUID internalNote;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    asCarla = TestAccounts.signIn(port, accounts.customer(null).getEmail());
    asGina = TestAccounts.signIn(port, accounts.customer(null).getEmail());
    asAgent = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    Response ticket =
        asCarla.post(
            "/api/portal/tickets",
            json(Map.of("subject", "Scanner jams", "description", "Photo attached.")));
    assertThat(ticket.status()).as(ticket.body().toString()).isEqualTo(201);
    long number = ticket.body().get("ticket").get("number").asLong();
    carlasMessage = UUID.fromString(ticket.body().get("messages").get(0).get("id").asString());
    Response note =
        asAgent.post(
            "/api/tickets/" + number + "/notes", json(Map.of("body", "Vendor quote attached")));
    assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
    internalNote = UUID.fromString(note.body().get("id").asString());
  }

  /** A file on a message, stored as the inbound and outbound code store it. */
  private UUID stored(UUID messageId, String filename, byte[] bytes) throws IOException {
    String sha256 = store.put(bytes);
    return attachments.recordStored(
        messageId,
        position.getAndIncrement(),
        filename,
        "application/octet-stream",
        policy.detect(bytes, filename),
        bytes.length,
        null,
        false,
        sha256);
  }

  @Test
  void anAgentDownloadsAFileAsAnAttachmentThatCannotRunAsAPage() throws IOException {
    UUID id = stored(carlasMessage, "Übersicht \"Q3\".pdf", PDF);

    HttpResponse<byte[]> download = asAgent.getBytes("/api/attachments/" + id);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(header(download, "Content-Type")).isEqualTo("application/pdf");
    assertThat(header(download, "Content-Length")).isEqualTo(Integer.toString(PDF.length));
    assertThat(header(download, "Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"_bersicht Q3.pdf\";"
                + " filename*=UTF-8''%C3%9Cbersicht%20Q3.pdf");
    assertThat(header(download, "X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(header(download, "Content-Security-Policy")).startsWith("sandbox");
    assertThat(header(download, "Cache-Control")).startsWith("private");
  }

  @Test
  void aCustomerDownloadsFilesOfTheirOwnPublicMessagesOnly() throws IOException {
    UUID onHerMessage = stored(carlasMessage, "photo.png", PNG);
    UUID onTheNote = stored(internalNote, "quote.pdf", PDF);

    assertThat(asCarla.getBytes("/api/attachments/" + onHerMessage).body()).isEqualTo(PNG);
    // an internal note's file is as unknown to her as a made-up id
    Response note = asCarla.get("/api/attachments/" + onTheNote);
    Response madeUp = asCarla.get("/api/attachments/" + UUID.randomUUID());
    assertThat(note.status()).isEqualTo(404);
    assertThat(madeUp.status()).isEqualTo(404);
    assertThat(note.body().get("title")).isEqualTo(madeUp.body().get("title"));
    // another customer sees nothing of Carla's ticket
    assertThat(asGina.get("/api/attachments/" + onHerMessage).status()).isEqualTo(404);
    // agents see both
    assertThat(asAgent.getBytes("/api/attachments/" + onTheNote).body()).isEqualTo(PDF);
    assertThat(HttpApi.anonymous(port).get("/api/attachments/" + onHerMessage).status())
        .isEqualTo(401);
  }

  @Test
  void onlySafeRasterImagesAreShownInline() throws IOException {
    UUID png = stored(carlasMessage, "screenshot.png", PNG);
    UUID svg =
        stored(
            carlasMessage,
            "logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
    UUID html =
        stored(
            carlasMessage,
            "invoice.txt",
            "<html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> shown = asAgent.getBytes("/api/attachments/" + png + "?inline=true");
    HttpResponse<byte[]> downloaded = asAgent.getBytes("/api/attachments/" + png);
    HttpResponse<byte[]> svgAsked = asAgent.getBytes("/api/attachments/" + svg + "?inline=1");
    HttpResponse<byte[]> htmlAsked = asAgent.getBytes("/api/attachments/" + html + "?inline=true");

    assertThat(header(shown, "Content-Type")).isEqualTo("image/png");
    assertThat(header(shown, "Content-Disposition"))
        .startsWith("inline; filename=\"screenshot.png\"");
    assertThat(header(downloaded, "Content-Disposition")).startsWith("attachment;");
    for (HttpResponse<byte[]> page : new HttpResponse[] {svgAsked, htmlAsked}) {
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(header(page, "Content-Type")).isEqualTo("application/octet-stream");
      assertThat(header(page, "Content-Disposition")).startsWith("attachment;");
    }
  }

  @Test
  void aFileWithoutStoredBytesIsAConflictThatSaysWhy() {
    UUID pending =
        attachments.recordListed(
            carlasMessage,
            new AttachmentRepository.Listed(
                position.getAndIncrement(),
                "att-1",
                "big.zip",
                "application/zip",
                10L,
                null,
                false));
    UUID refused =
        attachments.recordListed(
            carlasMessage,
            new AttachmentRepository.Listed(
                position.getAndIncrement(), "att-2", "tool.exe", null, 10L, null, false));
    attachments.markRefused(
        refused, "'tool.exe': .exe files (executables and scripts) are not accepted.");

    Response stillPending = asAgent.get("/api/attachments/" + pending);
    Response notKept = asCarla.get("/api/attachments/" + refused);

    assertThat(stillPending.status()).isEqualTo(409);
    assertThat(stillPending.problemField()).isEqualTo("id");
    assertThat(stillPending.body().get("detail").asString()).contains("still being fetched");
    assertThat(notKept.status()).isEqualTo(409);
    assertThat(notKept.body().get("detail").asString()).contains("executables and scripts");
  }

  @Test
  void badIdsAndFlagsAreBadRequestsNamingTheParameter() {
    Response badId = asAgent.get("/api/attachments/not-a-uuid");
    Response badFlag = asAgent.get("/api/attachments/" + UUID.randomUUID() + "?inline=maybe");

    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.problemField()).isEqualTo("id");
    assertThat(badFlag.status()).isEqualTo(400);
    assertThat(badFlag.problemField()).isEqualTo("inline");
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
