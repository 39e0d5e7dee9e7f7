package dev.tempodesk.api.ops;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
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
 * /actuator/health and /actuator/prometheus over a real database. The poll interval is 1 s here, so
 * a mailbox is stale after 3 s without a sync.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.mail.poll-interval=PT1S")
@ActiveProfiles("test")
class MonitoringIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final DSLContext DSL = TestJooq.over(DATABASE.dataSource()).dsl();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  private HttpApi api;
  private HttpApi manager;

  @BeforeEach
  void setUp() {
    // Health and the Prometheus scrape are public (SecurityConfig): no sign-in.
    api = HttpApi.anonymous(port);
    manager = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
  }

  @Test
  void shouldTurnDownWhenAMailboxHasNotSyncedForThreePollIntervals() {
    long mailbox = mailbox("grant-health", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10));

    Response down =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> manager.get("/actuator/health"), r -> r.status() == 503);
    assertThat(down.body().at("/components/mailboxSync/status").asString()).isEqualTo("DOWN");
    Response seenByAnyone = api.get("/actuator/health");
    assertThat(seenByAnyone.status()).isEqualTo(503);
    assertThat(seenByAnyone.body().at("/components/mailboxSync/status").asString())
        .isEqualTo("DOWN");
    assertThat(seenByAnyone.body().at("/components/mailboxSync/details").isMissingNode())
        .as("mailbox ids and sync times only for signed-in managers")
        .isTrue();
    assertThat(
            down.body()
                .at("/components/mailboxSync/details/mailbox-" + mailbox + "/status")
                .asString())
        .isEqualTo("DOWN");
    assertThat(down.body().at("/components/db/status").asString()).isEqualTo("UP");
    assertThat(down.body().at("/components/temporal/status").asString()).isEqualTo("UP");
    assertThat(api.get("/actuator/health/liveness").status())
        .as("a stale mailbox is no reason to restart the app")
        .isEqualTo(200);

    // every mailbox syncs again (the other test's one too: the context is shared)
    DSL.update(MAILBOXES)
        .set(MAILBOXES.LAST_SYNCED_AT, OffsetDateTime.now(ZoneOffset.UTC))
        .execute();

    Response up = manager.get("/actuator/health");
    assertThat(up.status()).isEqualTo(200);
    assertThat(up.body().at("/components/mailboxSync/status").asString()).isEqualTo("UP");
    // 3 missed polls of 1 s
    assertThat(up.body().at("/components/mailboxSync/details/staleAfterSeconds").asInt())
        .isEqualTo(3);
  }

  @Test
  void shouldExposeTheOperationalGaugesFromPostgres() {
    long reporter =
        DSL.insertInto(CONTACTS)
            .set(CONTACTS.EMAIL, "frank@customer.test")
            .set(CONTACTS.DISPLAY_NAME, "Frank")
            .returning(CONTACTS.ID)
            .fetchSingle()
            .getId();
    long mailbox = mailbox("grant-metrics", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30));
    newTicket(9001, reporter);
    newTicket(9002, reporter);
    message(9001, mailbox, "INBOUND", null);
    message(9002, mailbox, "INBOUND", null);
    message(9002, mailbox, "OUTBOUND", "FAILED");
    DSL.insertInto(SKIPPED_MESSAGES)
        .set(SKIPPED_MESSAGES.MAILBOX_ID, mailbox)
        .set(SKIPPED_MESSAGES.PROVIDER_MESSAGE_ID, "auto-1")
        .set(SKIPPED_MESSAGES.REASON, "AUTO_REPLY")
        .execute();

    String metrics =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> api.get("/actuator/prometheus").raw().body(),
                text -> value(text, "tempodesk_tickets\\{status=\"NEW\"\\}") == 2);

    assertThat(value(metrics, "tempodesk_assignment_queue_length")).isEqualTo(2);
    assertThat(value(metrics, "tempodesk_messages_ingested")).isEqualTo(2);
    assertThat(value(metrics, "tempodesk_messages_skipped\\{reason=\"AUTO_REPLY\"\\}"))
        .isEqualTo(1);
    assertThat(value(metrics, "tempodesk_messages_skipped\\{reason=\"BOUNCE\"\\}")).isZero();
    assertThat(value(metrics, "tempodesk_send_failures")).isEqualTo(1);
    assertThat(value(metrics, "tempodesk_sla_breaches\\{clock=\"resolve\"\\}")).isZero();
    assertThat(value(metrics, "tempodesk_tickets\\{status=\"CLOSED\"\\}")).isZero();
    // the only active mailbox synced 30 s ago, or the other test's one at least 30 s ago
    assertThat(value(metrics, "tempodesk_ingest_lag_seconds")).isGreaterThanOrEqualTo(30);
  }

  private static long mailbox(String grant, OffsetDateTime lastSynced) {
    return DSL.insertInto(MAILBOXES)
        .set(MAILBOXES.GRANT_ID, grant)
        .set(MAILBOXES.EMAIL, grant + "@tempodesk.test")
        .set(MAILBOXES.LAST_SYNCED_AT, lastSynced)
        .returning(MAILBOXES.ID)
        .fetchSingle()
        .getId();
  }

  private static void newTicket(long number, long reporter) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    DSL.insertInto(TICKETS)
        .set(TICKETS.NUMBER, number)
        .set(TICKETS.SUBJECT, "Monitor " + number)
        .set(TICKETS.STATUS, "NEW")
        .set(TICKETS.PRIORITY, "NORMAL")
        .set(TICKETS.REPORTER_ID, reporter)
        .set(TICKETS.CHANNEL, "EMAIL")
        .set(TICKETS.CREATED_AT, now)
        .set(TICKETS.UPDATED_AT, now)
        .execute();
  }

  private static void message(long ticket, long mailbox, String direction, String delivery) {
    DSL.insertInto(MESSAGES)
        .set(MESSAGES.ID, UUID.randomUUID())
        .set(MESSAGES.TICKET_NUMBER, ticket)
        .set(MESSAGES.MAILBOX_ID, mailbox)
        .set(MESSAGES.DIRECTION, direction)
        .set(MESSAGES.DELIVERY_STATUS, delivery)
        .set(MESSAGES.OCCURRED_AT, OffsetDateTime.now(ZoneOffset.UTC))
        .execute();
  }

  /** The value of the sample whose name and labels match {@code series} (a regex). */
  private static double value(String metrics, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
    assertThat(matcher.find()).as("%s in%n%s", series, metrics).isTrue();
    return Double.parseDouble(matcher.group(1));
  }
}
