package dev.tempodesk.activities.outbound;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.ContentDigest;
import dev.tempodesk.activities.attachment.PostgresAttachmentStore;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.RecordedRequest;
import dev.tempodesk.fakes.nylas.SentFile;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AttachedFile;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.OutboundRef;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reply's files going out through Nylas (reference §4): as base64 in the JSON under 3 MB in
 * total, as multipart/form-data from there, an inline image with its content id, and a retried send
 * that still mails once. The fake Nylas decodes what arrives, so the customer's bytes are compared
 * by SHA-256 with what the agent uploaded.
 */
class OutboundAttachmentsSendTest {
  private static final String GRANT = "grant-files";
  private static final String ADDRESS = "support@files.example";
  private static final long MB = 1024 * 1024;

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final AttachmentStore store = new PostgresAttachmentStore(dsl);
  private FakeNylasServer nylas;
  private OutboundMailActivitiesImpl mail;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    nylas = FakeNylasServer.start("files-key", "files-client", FaultPlan.none());
    nylas.addGrant(GRANT, ADDRESS);
    new MailboxRepository(dsl).upsert(GRANT, ADDRESS, "google");
    carla = new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla", null);
    mail = activities(NylasClient.defaultHttpClient(settings()));
  }

  @AfterEach
  void stop() {
    nylas.close();
  }

  @Test
  void shouldSendSmallFilesAsBase64JsonWithTheInlineImagesContentId() throws Exception {
    byte[] pdf = bytes(1 * MB, 1);
    byte[] logo = bytes(20_000, 2);
    long number = openTicket();
    String id =
        queueReply(
            number,
            "<p>See the logo <img src=\"cid:logo-1\"></p>",
            file("manual.pdf", "application/pdf", pdf, null),
            file("logo.png", "image/png", logo, "logo-1"));

    assertThat(mail.deliver(ref(number, id)).status()).isEqualTo(DeliveryOutcome.Status.SENT);

    assertThat(sendRequests()).singleElement().satisfies(r -> assertJson(r));
    List<SentFile> files = nylas.sentFiles(sent(id).id());
    assertThat(files).extracting(SentFile::filename).containsExactly("manual.pdf", "logo.png");
    assertThat(files.get(0).sha256()).isEqualTo(ContentDigest.sha256(pdf));
    assertThat(files.get(0).inline()).isFalse();
    assertThat(files.get(1).sha256()).isEqualTo(ContentDigest.sha256(logo));
    assertThat(files.get(1).contentId()).isEqualTo("logo-1");
    assertThat(files.get(1).inline()).isTrue();
    assertThat(files).noneMatch(SentFile::multipart);
    assertThat(sent(id).attachments())
        .extracting(FakeMessage.Attachment::filename)
        .containsExactly("manual.pdf", "logo.png");
  }

  @Test
  void shouldSendFilesOfThreeMegabytesAndMoreAsMultipartFormData() throws Exception {
    byte[] scan = bytes(4 * MB, 3);
    byte[] logo = bytes(10_000, 4);
    long number = openTicket();
    String id =
        queueReply(
            number,
            "<p><img src=\"cid:logo-2\"> the scan</p>",
            file("scan.tiff", "image/tiff", scan, null),
            file("logo.png", "image/png", logo, "logo-2"));

    assertThat(mail.deliver(ref(number, id)).status()).isEqualTo(DeliveryOutcome.Status.SENT);

    assertThat(sendRequests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("Content-Type")).startsWith("multipart/form-data"));
    List<SentFile> files = nylas.sentFiles(sent(id).id());
    assertThat(files).allMatch(SentFile::multipart);
    assertThat(files.get(0).sha256()).isEqualTo(ContentDigest.sha256(scan));
    assertThat(files.get(0).inline()).isFalse();
    assertThat(files.get(1).sha256()).isEqualTo(ContentDigest.sha256(logo));
    assertThat(files.get(1).contentId()).isEqualTo("logo-2");
    assertThat(sent(id).body()).contains("cid:logo-2");
  }

  @Test
  void shouldMailAMultipartSendOnceWhenItsAnswerWasLostAndTheRetryFindsItInTheSentMail()
      throws Exception {
    byte[] scan = bytes(4 * MB, 5);
    long number = openTicket();
    String id = queueReply(number, "the scan", file("scan.tiff", "image/tiff", scan, null));
    nylas.failNextRequests(1, 502); // a proxy's page: the mail went out, its answer did not

    assertThatThrownBy(() -> mail.deliver(ref(number, id))).isInstanceOf(ApplicationFailure.class);
    DeliveryOutcome outcome = mail.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(sentWithOurId(id)).hasSize(1);
    assertThat(nylas.sentFiles(sentWithOurId(id).getFirst().id()))
        .singleElement()
        .satisfies(f -> assertThat(f.sha256()).isEqualTo(ContentDigest.sha256(scan)));
  }

  @Test
  void shouldReplayAMultipartSendUnderTheSameKeyWhenNoAnswerCame() throws Exception {
    nylas.faults().slowResponses(1, Duration.ofMillis(1500));
    OkHttpClient impatient =
        NylasClient.defaultHttpClient(settings())
            .newBuilder()
            .readTimeout(Duration.ofMillis(600))
            .build();
    OutboundMailActivitiesImpl hurried = activities(impatient);
    byte[] scan = bytes(4 * MB, 6);
    long number = openTicket();
    String id = queueReply(number, "the scan", file("scan.tiff", "image/tiff", scan, null));

    assertThatThrownBy(() -> hurried.deliver(ref(number, id)))
        .isInstanceOf(ApplicationFailure.class);
    nylas.faults().slowResponses(0, Duration.ZERO);
    Thread.sleep(1500); // the first send finishes
    DeliveryOutcome outcome = hurried.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(row(id).getSendAttempt()).as("the same key all along").isZero();
    assertThat(sentWithOurId(id)).hasSize(1);
    assertThat(sendRequests().getLast().header("Idempotent-Response")).isNull();
  }

  @Test
  void shouldRecordTheFilesOnceWhenTheStoreActivityIsRetried() throws Exception {
    long number = openTicket();
    OutboundMessage reply =
        new OutboundMessage(
            number,
            UUID.randomUUID().toString(),
            OutboundMessage.Kind.REPLY,
            new Actor(Actor.Kind.SYSTEM, null, "API"),
            "twice",
            false,
            List.of(),
            List.of(file("a.pdf", "application/pdf", bytes(1000, 9), null)));

    mail.store(reply);
    mail.store(reply);

    assertThat(
            dsl.fetchCount(
                ATTACHMENTS, ATTACHMENTS.MESSAGE_ID.eq(UUID.fromString(reply.messageId()))))
        .isEqualTo(1);
    assertThat(dsl.fetchCount(MESSAGES, MESSAGES.ID.eq(UUID.fromString(reply.messageId()))))
        .isEqualTo(1);
  }

  @Test
  void shouldFailWithoutCallingNylasWhenTheFilesExceedTheProviderLimit() throws Exception {
    long number = openTicket();
    byte[] part = bytes(13 * MB, 7);
    String id =
        queueReply(
            number,
            "too much",
            file("a.bin", "application/octet-stream", part, null),
            file("b.bin", "application/octet-stream", bytes(13 * MB, 8), null));

    DeliveryOutcome outcome = mail.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
    assertThat(outcome.error()).contains("more than the mail provider accepts");
    assertThat(sendRequests()).isEmpty();
  }

  private void assertJson(RecordedRequest request) {
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.bodyText()).contains("\"content_id\":\"logo-1\"");
  }

  private AttachedFile file(String name, String type, byte[] bytes, String contentId)
      throws Exception {
    String sha = store.put(bytes);
    return new AttachedFile(name, type, type, bytes.length, sha, contentId, contentId != null);
  }

  private static byte[] bytes(long size, long seed) {
    byte[] bytes = new byte[(int) size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private OutboundMailActivitiesImpl activities(OkHttpClient http) {
    return OutboundMailActivitiesImpl.over(
        dsl,
        jooq.transactions(),
        new NylasClient(settings(), http, d -> {}),
        store,
        Clock.systemUTC());
  }

  private NylasSettings settings() {
    return new NylasSettings(
        HttpUrl.get(nylas.baseUrl()), "files-key", "files-client", 2, Duration.ofSeconds(2));
  }

  private List<RecordedRequest> sendRequests() {
    return nylas.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages/send"))
        .toList();
  }

  private FakeMessage sent(String id) {
    return sentWithOurId(id).getFirst();
  }

  private List<FakeMessage> sentWithOurId(String id) {
    return nylas.sent(GRANT).stream()
        .filter(m -> id.equals(m.header(OutboundMailSender.MESSAGE_ID_HEADER)))
        .toList();
  }

  private MessagesRecord row(String id) {
    return dsl.selectFrom(MESSAGES).where(MESSAGES.ID.eq(UUID.fromString(id))).fetchSingle();
  }

  private String queueReply(long number, String html, AttachedFile... files) {
    String id = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number,
            id,
            OutboundMessage.Kind.REPLY,
            new Actor(Actor.Kind.SYSTEM, null, "API"),
            html,
            true,
            List.of(),
            List.of(files)));
    return id;
  }

  private long openTicket() {
    return PrinterJamTickets.open(jooq, Channel.PHONE, carla, null);
  }

  private static OutboundRef ref(long number, String messageId) {
    return new OutboundRef(number, messageId);
  }
}
