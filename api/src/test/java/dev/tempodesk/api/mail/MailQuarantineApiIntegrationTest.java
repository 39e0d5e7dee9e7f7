package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.QUARANTINED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.mail.QuarantineRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
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
 * Quarantined mail over HTTP: a poison message in the middle of a page is held with its reason (the
 * mail after it becomes tickets), the mailbox stays UP and says how much it holds, "Try again"
 * answers 422 with the error while the cause lasts and, after a fix, turns it into a ticket with a
 * sender picked by hand; trying again once more changes nothing. The message has a Microsoft-shaped
 * id with {@code /}, {@code +} and {@code =}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The mailbox's sync keeps polling this class's fake Nylas; stop it with the class.
@DirtiesContext
class MailQuarantineApiIntegrationTest {
  private static final dev.tempodesk.db.testing.TestDatabases.TestDatabase DATABASE =
      dev.tempodesk.db.testing.TestDatabases.fresh();
  private static final FakeNylasServer NYLAS =
      FakeNylasServer.start("quarantine-key", "quarantine-client", FaultPlan.none());
  private static final String GRANT = "grant-quarantine";
  private static final String MICROSOFT_ID_PREFIX = "AAMkAGI2/TQ+x=";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("tempodesk.nylas.api-uri", NYLAS::baseUrl);
    registry.add("tempodesk.nylas.api-key", () -> "quarantine-key");
    registry.add("tempodesk.mail.poll-interval", () -> "PT1S");
  }

  @AfterAll
  static void stopNylas() {
    NYLAS.close();
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired MailboxRepository mailboxes;
  @Autowired MailboxSyncs syncs;
  @Autowired DSLContext dsl;

  @Test
  void shouldListTheQuarantinedMessageAndTurnItIntoATicketWhenTriedAgainAfterAFix()
      throws Exception {
    NYLAS.addGrant(GRANT, "help@quarantine.example");
    MailboxesRecord mailbox = mailboxes.upsert(GRANT, "help@quarantine.example", "microsoft");
    FakeMessage before =
        NYLAS.receive(GRANT, InboundEmail.of("Ann", "ann@c.example", "Before", "1"));
    NYLAS.messageIdPrefix(MICROSOFT_ID_PREFIX);
    FakeMessage poison =
        NYLAS.receive(
            GRANT,
            new InboundEmail(
                "Dana Poison",
                "dana@poison.example",
                null,
                "Printer on fire",
                "It is still burning",
                null,
                Map.of("Message-ID", PoisonMail.oversizeMessageId())));
    NYLAS.messageIdPrefix("msg-");
    FakeMessage after = NYLAS.receive(GRANT, InboundEmail.of("Bo", "bo@c.example", "After", "2"));
    assertThat(poison.id()).contains("/").contains("+").contains("=");
    syncs.ensureRunning(mailbox);

    awaitQuarantined(mailbox.getId(), poison.id());
    assertThat(ticketOf(before.id())).isNotNull();
    assertThat(ticketOf(after.id())).isNotNull();

    HttpApi manager = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    String list = "/api/mailboxes/" + mailbox.getId() + "/quarantine";
    HttpApi.Response listed = manager.get(list);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().size()).isEqualTo(1);
    var row = listed.body().get(0);
    assertThat(row.get("providerMessageId").asString()).isEqualTo(poison.id());
    assertThat(row.get("subject").asString()).isEqualTo("Printer on fire");
    assertThat(row.get("sender").asString()).isEqualTo("Dana Poison <dana@poison.example>");
    assertThat(row.get("error").asString()).contains("index row size");
    assertThat(row.get("status").asString()).isEqualTo("QUARANTINED");
    assertThat(row.get("attempts").asInt()).isEqualTo(3);
    OffsetDateTime lastTried = OffsetDateTime.parse(row.get("lastTriedAt").asString());
    assertThat(OffsetDateTime.parse(row.get("firstTriedAt").asString())).isBefore(lastTried);

    HttpApi admin = TestAccounts.signIn(port, TestAccounts.of(app).agent("ADMIN").getEmail());
    HttpApi.Response health = admin.get("/actuator/health");
    assertThat(health.body().at("/components/mailboxSync/status").asString()).isEqualTo("UP");
    assertThat(
            health
                .body()
                .at("/components/mailboxSync/details/mailbox-" + mailbox.getId() + "/quarantined")
                .asInt())
        .isEqualTo(1);
    String series =
        "tempodesk_messages_quarantined\\{mailbox=\""
            + mailbox.getId()
            + "\",status=\"QUARANTINED\"\\}";
    Instant metricDeadline = Instant.now().plus(Duration.ofSeconds(15));
    double quarantined = Double.NaN;
    while (quarantined != 1 && Instant.now().isBefore(metricDeadline)) {
      quarantined = metric(admin.get("/actuator/prometheus").raw().body(), series);
      Thread.sleep(200);
    }
    assertThat(quarantined).isEqualTo(1);

    String retry =
        "/api/mailboxes/"
            + mailbox.getId()
            + "/quarantine/"
            + URLEncoder.encode(poison.id(), StandardCharsets.UTF_8)
            + "/retry";
    assertThat(retry).contains("%2F").contains("%2B").contains("%3D");
    HttpApi.Response stillPoison = manager.post(retry, "");
    assertThat(stillPoison.status()).as(stillPoison.body().toString()).isEqualTo(422);
    assertThat(stillPoison.problemType()).isEqualTo("urn:tempodesk:problem:ingest-failed");
    assertThat(stillPoison.body().get("detail").asString()).contains("index row size");
    assertThat(stillPoison.body().get("attempts").asInt()).isEqualTo(4);
    var kept = dsl.selectFrom(QUARANTINED_MESSAGES).fetchSingle();
    assertThat(kept.getAttempts()).isEqualTo(4);
    assertThat(kept.getLastTriedAt()).isAfter(lastTried);

    HttpApi.Response badSender = manager.post(retry, "{\"fromEmail\":\"not an address\"}");
    assertThat(badSender.status()).isEqualTo(400);
    assertThat(badSender.body().toString()).contains("fromEmail");
    // Shapes the old ".+@.+" check let through and the database refuses: the one parser's 400.
    for (String unstorable : List.of("q z@example.org", "a@b@example.org", "jane@exa mple.org")) {
      HttpApi.Response refused =
          manager.post(retry, HttpApi.json(java.util.Map.of("fromEmail", unstorable)));
      assertThat(refused.status()).as(unstorable).isEqualTo(400);
      assertThat(refused.problemField()).isEqualTo("fromEmail");
    }
    assertThat(dsl.selectFrom(QUARANTINED_MESSAGES).fetchSingle().getAttempts()).isEqualTo(4);

    // The fix: an index that holds Message-IDs of any length.
    dsl.execute(
        "drop index messages_by_internet_message_id;"
            + " create index messages_by_internet_message_id on messages using hash"
            + " (internet_message_id) where internet_message_id is not null");
    HttpApi.Response ingested =
        manager.post(
            retry, "{\"fromEmail\":\"Dana.Picked@Customer.example\",\"fromName\":\"Dana\"}");
    assertThat(ingested.status()).as(ingested.body().toString()).isEqualTo(200);
    long ticket = ingested.body().get("ticketNumber").asLong();
    assertThat(ticketOf(poison.id())).isEqualTo(ticket);
    assertThat(
            dsl.select(CONTACTS.EMAIL)
                .from(TICKETS)
                .join(CONTACTS)
                .on(CONTACTS.ID.eq(TICKETS.REPORTER_ID))
                .where(TICKETS.NUMBER.eq(ticket))
                .fetchSingle(CONTACTS.EMAIL))
        .isEqualTo("dana.picked@customer.example");
    assertThat(manager.get(list).body().size()).as("no longer open").isZero();
    assertThat(dsl.selectFrom(QUARANTINED_MESSAGES).fetchSingle().getStatus())
        .isEqualTo(QuarantineRepository.RESOLVED);

    HttpApi.Response again = manager.post(retry, "");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("ticketNumber").asLong()).isEqualTo(ticket);
    assertThat(dsl.fetchCount(MESSAGES, MESSAGES.PROVIDER_MESSAGE_ID.eq(poison.id()))).isEqualTo(1);
    assertThat(dsl.fetchCount(TICKETS, TICKETS.SUBJECT.eq("Printer on fire"))).isEqualTo(1);

    HttpApi.Response unknown =
        manager.post("/api/mailboxes/" + mailbox.getId() + "/quarantine/no-such-id/retry", "");
    assertThat(unknown.status()).isEqualTo(404);
  }

  private void awaitQuarantined(long mailboxId, String providerId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      var row =
          dsl.selectFrom(QUARANTINED_MESSAGES)
              .where(
                  QUARANTINED_MESSAGES.MAILBOX_ID.eq(mailboxId),
                  QUARANTINED_MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId))
              .fetchOne();
      if (row != null && row.getStatus().equals(QuarantineRepository.QUARANTINED)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the poison message was not quarantined within 90 s");
  }

  private Long ticketOf(String providerId) {
    return dsl.select(MESSAGES.TICKET_NUMBER)
        .from(MESSAGES)
        .where(MESSAGES.PROVIDER_MESSAGE_ID.eq(providerId), MESSAGES.SIGNALLED_AT.isNotNull())
        .fetchOne(MESSAGES.TICKET_NUMBER);
  }

  private static double metric(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }
}
