package dev.tempodesk.activities.outbound;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.OutboundRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HTML reply with blind copies over a real Postgres and the fake Nylas: stored sanitized with
 * its plain-text alternative and its BCC list, and mailed with the sanitized HTML as the one body
 * and each blind copy in the send's {@code bcc}; HTML that reached the table unsanitized (written
 * by an older version) is sanitized on its way out too.
 */
class OutboundHtmlSendTest {
  private static final String GRANT = "grant-html";
  private static final String ADDRESS = "support@html.example";

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private FakeNylasServer nylas;
  private OutboundMailActivitiesImpl mail;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    nylas = FakeNylasServer.start("html-key", "html-client", FaultPlan.none());
    nylas.addGrant(GRANT, ADDRESS);
    new MailboxRepository(dsl).upsert(GRANT, ADDRESS, "google");
    carla = new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla", null);
    NylasSettings settings =
        new NylasSettings(
            HttpUrl.get(nylas.baseUrl()), "html-key", "html-client", 2, Duration.ofSeconds(2));
    mail =
        OutboundMailActivitiesImpl.over(
            dsl,
            jooq.transactions(),
            new NylasClient(settings, NylasClient.defaultHttpClient(settings), d -> {}),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    nylas.close();
  }

  @Test
  void storesAndSendsTheSanitizedHtmlWithBlindCopies() {
    long number = PrinterJamTickets.open(jooq, Channel.PHONE, carla, null);
    String id = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number,
            id,
            OutboundMessage.Kind.REPLY,
            Actor.SYSTEM,
            "<p onclick=\"x()\"><strong>Restart</strong> the <a href=\"javascript:alert(1)\">"
                + "router</a></p><script>steal()</script><ul><li><p>then"
                + " <a href=\"https://help.example/vpn\">the guide</a></p></li></ul>",
            true,
            List.of("jane@acme.example"),
            List.of(),
            List.of("\"Boss, The\" <boss@acme.example>", "audit@acme.example")));

    MessagesRecord row = row(id);
    String clean =
        "<p><strong>Restart</strong> the <a rel=\"noopener noreferrer nofollow\">router</a></p>"
            + "<ul><li><p>then <a href=\"https://help.example/vpn\""
            + " rel=\"noopener noreferrer nofollow\">the guide</a></p></li></ul>";
    assertThat(row.getBodyHtml()).isEqualTo(clean);
    assertThat(row.getBodyText())
        .isEqualTo("Restart the router\n\n- then the guide <https://help.example/vpn>");
    assertThat(row.getBccAddresses())
        .isEqualTo("\"Boss, The\" <boss@acme.example>, audit@acme.example");

    assertThat(mail.deliver(new OutboundRef(number, id)).status())
        .isEqualTo(DeliveryOutcome.Status.SENT);
    FakeMessage sent = sent(id);
    assertThat(sent.body()).isEqualTo(clean);
    assertThat(sent.cc()).containsExactly(new Participant(null, "jane@acme.example"));
    assertThat(sent.bcc())
        .containsExactly(
            new Participant("Boss, The", "boss@acme.example"),
            new Participant(null, "audit@acme.example"));
  }

  @Test
  void aReplyWithoutBlindCopiesSendsNone() {
    long number = PrinterJamTickets.open(jooq, Channel.PHONE, carla, null);
    String id = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number,
            id,
            OutboundMessage.Kind.REPLY,
            Actor.SYSTEM,
            "Plain <b>text</b> stays",
            false,
            List.of()));

    assertThat(row(id).getBccAddresses()).isNull();
    assertThat(row(id).getBodyText()).isEqualTo("Plain <b>text</b> stays");
    assertThat(mail.deliver(new OutboundRef(number, id)).status())
        .isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(sent(id).bcc()).isEmpty();
    assertThat(sent(id).body()).isEqualTo("Plain <b>text</b> stays");
  }

  @Test
  void htmlStoredBeforeSanitizingIsSanitizedOnItsWayOut() {
    long number = PrinterJamTickets.open(jooq, Channel.PHONE, carla, null);
    String id = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number, id, OutboundMessage.Kind.REPLY, Actor.SYSTEM, "<p>x</p>", true, List.of()));
    dsl.update(MESSAGES)
        .set(MESSAGES.BODY_HTML, "<p>Hi<img src=x onerror=alert(1)></p><iframe src=//e.x></iframe>")
        .where(MESSAGES.ID.eq(UUID.fromString(id)))
        .execute();

    assertThat(mail.deliver(new OutboundRef(number, id)).status())
        .isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(sent(id).body()).isEqualTo("<p>Hi<img></p>");
  }

  private FakeMessage sent(String id) {
    return nylas.sent(GRANT).stream()
        .filter(m -> id.equals(m.header(OutboundMailSender.MESSAGE_ID_HEADER)))
        .findFirst()
        .orElseThrow();
  }

  private MessagesRecord row(String id) {
    return dsl.selectFrom(MESSAGES).where(MESSAGES.ID.eq(UUID.fromString(id))).fetchSingle();
  }
}
