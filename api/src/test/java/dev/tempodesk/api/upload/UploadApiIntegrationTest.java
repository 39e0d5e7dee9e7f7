package dev.tempodesk.api.upload;

import static dev.tempodesk.api.Eventually.await;
import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.ATTACHMENTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.ContentDigest;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.SentFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Files with replies, notes, portal replies and new tickets over HTTP (multipart/form-data): kept
 * with their message, mailed with a reply byte for byte, refused as ProblemDetails naming the file
 * (413, 415, 422); JSON-only requests are untouched (see ReplyApiIntegrationTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class UploadApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String GRANT = "grant-uploads";
  private static final String ADDRESS = "support@uploads.example";
  private static final FakeNylasServer NYLAS =
      FakeNylasServer.start("uploads-key", "uploads-client", FaultPlan.none());
  private static final long MB = 1024 * 1024;
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = png();

  static {
    NYLAS.addGrant(GRANT, ADDRESS);
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("tempodesk.nylas.api-uri", NYLAS::baseUrl);
    registry.add("tempodesk.nylas.api-key", () -> "uploads-key");
    registry.add("tempodesk.nylas.grant-id", () -> GRANT);
    registry.add("tempodesk.mail.poll-interval", () -> "PT0.5S");
  }

  @AfterAll
  static void stopNylas() {
    NYLAS.close();
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;
  @Autowired ApplicationContext app;
  @Autowired AttachmentStore store;

  private TestAccounts accounts;
  private HttpApi api;
  private String unique;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    api = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldKeepAReplysFilesWithItAndMailThemByteForByte() throws Exception {
    long number = createTicket("Manual " + unique);

    Response replied =
        post(
            "/api/tickets/" + number + "/replies",
            new MultipartBody()
                .json("reply", json(Map.of("body", "The manual and a photo.")))
                .file("manual.pdf", "application/pdf", PDF)
                .file("label.png", "image/png", PNG));

    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    UUID replyId = UUID.fromString(replied.body().get("message").get("id").asString());
    List<AttachmentsRecord> kept = attachmentsOf(replyId);
    assertThat(kept)
        .extracting(AttachmentsRecord::getFilename)
        .containsExactly("manual.pdf", "label.png");
    assertThat(kept).extracting(AttachmentsRecord::getState).containsOnly("STORED");
    assertThat(kept)
        .extracting(AttachmentsRecord::getContentType)
        .containsExactly("application/pdf", "image/png");
    assertThat(kept.get(0).getSha256()).isEqualTo(ContentDigest.sha256(PDF));
    assertThat(stored(kept.get(1).getSha256())).isEqualTo(PNG);

    FakeMessage sent = sentOnceDelivered(replyId);
    assertThat(NYLAS.sentFiles(sent.id()))
        .extracting(SentFile::filename, SentFile::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("manual.pdf", ContentDigest.sha256(PDF)),
            org.assertj.core.groups.Tuple.tuple("label.png", ContentDigest.sha256(PNG)));
  }

  @Test
  void shouldMailAPastedImageInlineWithTheContentIdTheHtmlBodyShows() {
    long number = createTicket("Pasted " + unique);
    String cid = "paste-" + unique + "@tempodesk";

    Response replied =
        post(
            "/api/tickets/" + number + "/replies",
            new MultipartBody()
                .json(
                    "reply",
                    json(
                        Map.of(
                            "body",
                            "<p>See here:</p><p><img src=\"cid:"
                                + cid
                                + "\" alt=\"pasted image\"></p>",
                            "bodyFormat",
                            "HTML",
                            "signature",
                            false)))
                .file("image.png", "image/png", PNG)
                .file("manual.pdf", "application/pdf", PDF)
                .json("inline", json(Map.of("image.png", cid))));

    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);
    UUID replyId = UUID.fromString(replied.body().get("message").get("id").asString());
    assertThat(attachmentsOf(replyId))
        .extracting(
            AttachmentsRecord::getFilename,
            AttachmentsRecord::getContentId,
            AttachmentsRecord::getInline)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("image.png", cid, true),
            org.assertj.core.groups.Tuple.tuple("manual.pdf", null, false));
    FakeMessage sent = sentOnceDelivered(replyId);
    assertThat(sent.body()).contains("src=\"cid:" + cid + "\"");
    assertThat(NYLAS.sentFiles(sent.id()))
        .extracting(SentFile::filename, SentFile::contentId, SentFile::inline, SentFile::sha256)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("image.png", cid, true, ContentDigest.sha256(PNG)),
            org.assertj.core.groups.Tuple.tuple(
                "manual.pdf", null, false, ContentDigest.sha256(PDF)));
  }

  @Test
  void shouldRefuseAnInlineContentIdThatIsNoImageOrNotInTheBodyNamingInline() {
    long number = createTicket("Bad inline " + unique);
    String html = "<p>Look: <img src=\"cid:a@tempodesk\"></p>";

    Response notAnImage =
        replyWithInline(number, html, "manual.pdf", "application/pdf", PDF, "manual.pdf");
    Response notReferenced =
        replyWithInline(
            number,
            html.replace("a@tempodesk", "b@tempodesk"),
            "image.png",
            "image/png",
            PNG,
            "image.png");
    Response noSuchFile = replyWithInline(number, html, "image.png", "image/png", PNG, "other.png");

    assertProblem(notAnImage, 422, "inline");
    assertProblem(notReferenced, 422, "inline");
    assertProblem(noSuchFile, 422, "inline");
    assertThat(
            dsl.fetchCount(
                MESSAGES, MESSAGES.TICKET_NUMBER.eq(number).and(MESSAGES.DIRECTION.eq("OUTBOUND"))))
        .isZero();
  }

  @Test
  void shouldKeepANotesFilesInternalAndNeverMailThem() {
    long number = createTicket("Note " + unique);

    Response note =
        post(
            "/api/tickets/" + number + "/notes",
            new MultipartBody()
                .json("note", json(Map.of("body", "Photo of the label")))
                .file("label.png", "image/png", PNG));

    assertThat(note.status()).as(note.body().toString()).isEqualTo(201);
    assertThat(note.body().get("visibility").asString()).isEqualTo("INTERNAL");
    UUID noteId = UUID.fromString(note.body().get("id").asString());
    assertThat(attachmentsOf(noteId))
        .extracting(AttachmentsRecord::getFilename)
        .containsExactly("label.png");
    assertThat(NYLAS.sent(GRANT).stream().filter(m -> m.subject().contains("[#" + number + "]")))
        .isEmpty();
  }

  @Test
  void shouldOpenATicketOnBehalfOfACustomerWithFilesOnItsFirstMessage() {
    Response created =
        post(
            "/api/tickets",
            new MultipartBody()
                .json("ticket", ticketJson("Broken screen " + unique))
                .file("screen.png", "image/png", PNG));

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long number = created.body().get("number").asLong();
    UUID first =
        dsl.select(MESSAGES.ID)
            .from(MESSAGES)
            .where(MESSAGES.TICKET_NUMBER.eq(number))
            .fetchSingle(MESSAGES.ID);
    assertThat(attachmentsOf(first))
        .extracting(AttachmentsRecord::getFilename)
        .containsExactly("screen.png");
  }

  @Test
  void shouldKeepAPortalReplysFilesForTheCustomersOwnTicketOnly() {
    var carla = accounts.customer(null);
    HttpApi asCarla = TestAccounts.signIn(port, carla.getEmail());
    HttpApi asGina = TestAccounts.signIn(port, accounts.customer(null).getEmail());
    Response opened =
        asCarla.post(
            "/api/portal/tickets",
            json(Map.of("subject", "Invoice " + unique, "description", "Wrong total.")));
    long number = opened.body().get("ticket").get("number").asLong();

    Response replied =
        post(
            asCarla,
            "/api/portal/tickets/" + number + "/replies",
            new MultipartBody()
                .json("reply", json(Map.of("body", "The invoice.")))
                .file("invoice.pdf", "application/pdf", PDF));
    Response foreign =
        post(
            asGina,
            "/api/portal/tickets/" + number + "/replies",
            new MultipartBody()
                .json("reply", json(Map.of("body", "mine")))
                .file("other.pdf", "application/pdf", PDF));

    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(201);
    assertThat(foreign.status()).isEqualTo(404);
    List<AttachmentsRecord> files =
        dsl.selectFrom(ATTACHMENTS)
            .where(
                ATTACHMENTS.MESSAGE_ID.in(
                    dsl.select(MESSAGES.ID)
                        .from(MESSAGES)
                        .where(MESSAGES.TICKET_NUMBER.eq(number))))
            .fetch();
    assertThat(files).extracting(AttachmentsRecord::getFilename).containsExactly("invoice.pdf");
  }

  @Test
  void shouldRefuseBadFilesAsProblemDetailsNamingTheFileAndKeepNothing() {
    long number = createTicket("Bad files " + unique);
    String path = "/api/tickets/" + number + "/replies";
    String reply = json(Map.of("body", "see attached"));
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    Response script =
        post(
            path,
            new MultipartBody()
                .json("reply", reply)
                .file("a.pdf", "application/pdf", PDF)
                .file(
                    "run.sh",
                    "text/plain",
                    "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8)));
    Response executable =
        post(path, new MultipartBody().json("reply", reply).file("tool", "application/pdf", elf));
    Response empty =
        post(
            path,
            new MultipartBody().json("reply", reply).file("empty.txt", "text/plain", new byte[0]));
    Response unnamed =
        post(path, new MultipartBody().json("reply", reply).file("", "application/pdf", PDF));
    Response tooMuchToMail =
        post(
            path,
            new MultipartBody()
                .json("reply", reply)
                .file("a.dat", "application/octet-stream", random(13 * MB, 1))
                .file("b.dat", "application/octet-stream", random(13 * MB, 2)));
    Response tooLargeAFile =
        post(
            path,
            new MultipartBody()
                .json("reply", reply)
                .file("huge.dat", "application/octet-stream", random(26 * MB, 3)));
    Response noBody =
        post(
            path,
            new MultipartBody()
                .json("reply", json(Map.of("body", " ")))
                .file("a.pdf", "application/pdf", PDF));

    assertProblem(script, 415, "files[1]");
    assertProblem(executable, 415, "files[0]");
    assertProblem(empty, 422, "files[0]");
    assertProblem(unnamed, 422, "files[0]");
    assertProblem(tooMuchToMail, 413, "files");
    assertProblem(tooLargeAFile, 413, "files");
    assertProblem(noBody, 400, "body");
    assertThat(
            dsl.fetchCount(
                MESSAGES, MESSAGES.TICKET_NUMBER.eq(number).and(MESSAGES.DIRECTION.eq("OUTBOUND"))))
        .as("no reply was queued")
        .isZero();
  }

  /** The message Nylas got for this reply, once the reply is SENT. */
  private FakeMessage sentOnceDelivered(UUID replyId) {
    await(() -> "SENT".equals(deliveryStatus(replyId)));
    return NYLAS.sent(GRANT).stream()
        .filter(m -> replyId.toString().equals(m.header("X-Tempodesk-Message-Id")))
        .findFirst()
        .orElseThrow();
  }

  /** A reply with one file and the part inline naming {@code inlineName} as a@tempodesk. */
  private Response replyWithInline(
      long number, String html, String filename, String type, byte[] bytes, String inlineName) {
    return post(
        "/api/tickets/" + number + "/replies",
        new MultipartBody()
            .json("reply", json(Map.of("body", html, "bodyFormat", "HTML")))
            .file(filename, type, bytes)
            .json("inline", json(Map.of(inlineName, "a@tempodesk"))));
  }

  private static void assertProblem(Response response, int status, String field) {
    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemField()).isEqualTo(field);
  }

  private Response post(String path, MultipartBody body) {
    return post(api, path, body);
  }

  private static Response post(HttpApi as, String path, MultipartBody body) {
    return as.sendBytes("POST", path, body.contentType(), body.bytes());
  }

  private long createTicket(String subject) {
    Response created = api.post("/api/tickets", ticketJson(subject));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private String ticketJson(String subject) {
    return json(
        Map.of(
            "subject",
            subject,
            "description",
            "Called in.",
            "reporterEmail",
            "caller-" + unique + "@client.example"));
  }

  private List<AttachmentsRecord> attachmentsOf(UUID messageId) {
    return dsl.selectFrom(ATTACHMENTS)
        .where(ATTACHMENTS.MESSAGE_ID.eq(messageId))
        .orderBy(ATTACHMENTS.POSITION)
        .fetch();
  }

  private String deliveryStatus(UUID messageId) {
    return dsl.fetchValue(MESSAGES.DELIVERY_STATUS, MESSAGES.ID.eq(messageId));
  }

  private byte[] stored(String sha256) throws Exception {
    try (InputStream in = store.open(sha256).orElseThrow()) {
      return in.readAllBytes();
    }
  }

  private static byte[] random(long size, long seed) {
    byte[] bytes = new byte[(int) size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** A valid 1×1 PNG. */
  private static byte[] png() {
    return java.util.Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }
}
