package dev.tempodesk.api.stats;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The app starts the stats workflow, which backfills the hours since the first ticket; the REST API
 * serves them. Two tickets in the database before start-up, created three hours ago:
 *
 * <pre>
 * A: created H+00:10 NEW, assigned Dana H+00:20, Dana replies H+00:25, closed H+00:40
 *    -> 30 min worked, SLA met; first response and resolution met by Dana
 * B: created H+00:30 NEW, first response SLA breached H+00:50, still NEW
 * </pre>
 *
 * where H is the start of the hour three hours ago.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StatsApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final OffsetDateTime H =
      Instant.now()
          .truncatedTo(ChronoUnit.HOURS)
          .minus(Duration.ofHours(3))
          .atOffset(ZoneOffset.UTC);
  private static final long DANA = insertTheTwoTickets();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  private HttpApi api;

  /** The three hours from H the stats workflow backfills at start. */
  private static final String RANGE = "?from=" + H + "&to=" + H.plusHours(3);

  private JsonNode backfilledHours() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/stats/hourly" + RANGE).body().path("hours"), h -> h.size() == 3);
  }

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
  }

  @Test
  void shouldServeTheBackfilledHour() {
    JsonNode hours = backfilledHours();

    JsonNode first = hours.get(0);
    assertThat(first.path("hourStart").asString())
        .startsWith(H.toLocalDateTime().toString().substring(0, 13));
    assertThat(first.path("created").asInt()).isEqualTo(2);
    assertThat(first.path("closed").asInt()).isEqualTo(1);
    assertThat(first.path("avgResolutionSeconds").asLong()).isEqualTo(30 * 60);
    assertThat(first.path("slaCompliancePercent").asDouble()).isEqualTo(100.0);
    assertThat(first.path("mostEfficientAgent").path("id").asLong()).isEqualTo(DANA);
    assertThat(first.path("agents").get(0).path("medianResolutionSeconds").asLong())
        .isEqualTo(1800);
    assertThat(hours.get(1).path("created").asInt()).isZero();

    JsonNode agents = api.get("/api/stats/agents" + RANGE).body();
    assertThat(agents.path("agents").get(0).path("agent").path("name").asString())
        .isEqualTo("Dana");
    assertThat(agents.path("agents").get(0).path("closed").asInt()).isEqualTo(1);
    assertThat(agents.path("mostEfficientDefinition").asString()).contains("most tickets");

    JsonNode summary = api.get("/api/stats/summary?hours=5").body();
    assertThat(summary.path("created").asInt()).isEqualTo(2);
    assertThat(summary.path("closed").asInt()).isEqualTo(1);
    assertThat(summary.path("avgResolutionSeconds").asLong()).isEqualTo(1800);
  }

  @Test
  void shouldServeTheSlaCompliancePerMetricPerHourAndPerAgent() {
    JsonNode hours = backfilledHours();

    // A's assignment, A's first response, B's breached first response, A's closing
    assertThat(compliance(hours.get(0).path("compliance")))
        .containsExactly(
            "TIME_TO_ASSIGN 1/0 100.0",
            "FIRST_RESPONSE 1/1 50.0",
            "NEXT_REPLY 0/0 null",
            "RESOLUTION 1/0 100.0");
    assertThat(compliance(hours.get(1).path("compliance")))
        .containsExactly(
            "TIME_TO_ASSIGN 0/0 null",
            "FIRST_RESPONSE 0/0 null",
            "NEXT_REPLY 0/0 null",
            "RESOLUTION 0/0 null");

    // Per agent: Dana replied and closed; B's breach had no assignee, the system assigned A.
    JsonNode agents = api.get("/api/stats/agents" + RANGE).body().path("compliance");
    assertThat(agents).hasSize(1);
    assertThat(agents.get(0).path("agent").path("id").asLong()).isEqualTo(DANA);
    assertThat(compliance(agents.get(0).path("metrics")))
        .containsExactly(
            "TIME_TO_ASSIGN 0/0 null",
            "FIRST_RESPONSE 1/0 100.0",
            "NEXT_REPLY 0/0 null",
            "RESOLUTION 1/0 100.0");

    JsonNode summary = api.get("/api/stats/summary?hours=5").body();
    assertThat(compliance(summary.path("compliance")))
        .contains("FIRST_RESPONSE 1/1 50.0", "RESOLUTION 1/0 100.0");
  }

  @Test
  void shouldExportTheHoursAndTheAgentsAsCsv() {
    backfilledHours();

    var hourly = api.getBytes("/api/stats/export" + RANGE);
    assertThat(hourly.statusCode()).isEqualTo(200);
    assertThat(hourly.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(hourly.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment; filename=\"stats-hourly-");
    List<String> rows =
        List.of(new String(hourly.body(), java.nio.charset.StandardCharsets.UTF_8).split("\r\n"));
    assertThat(rows.getFirst())
        .isEqualTo(
            "hour_start,created,closed,avg_first_response_seconds,avg_resolution_seconds,"
                + "sla_compliance_percent,most_efficient_agent,time_to_assign_met,"
                + "time_to_assign_breached,first_response_met,first_response_breached,"
                + "next_reply_met,next_reply_breached,resolution_met,resolution_breached");
    assertThat(rows).hasSize(4);
    // The first hour: 2 created, 1 closed in 30 min, Dana; FIRST_RESPONSE 1 met and 1 breached.
    assertThat(rows.get(1))
        .startsWith(H.toInstant() + ",2,1,")
        .contains(",1800,100.0,Dana,1,0,1,1,0,0,1,0");

    var agents = api.getBytes("/api/stats/export" + RANGE + "&report=AGENTS");
    assertThat(new String(agents.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "agent,closed,median_resolution_seconds,sla_compliance_percent\r\nDana,1,1800,100.0\r\n");

    Response unknown = api.get("/api/stats/export" + RANGE + "&report=DAILY");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.problemField()).isEqualTo("report");
  }

  /** Each metric as "METRIC met/breached percent". */
  private static List<String> compliance(JsonNode metrics) {
    List<String> lines = new ArrayList<>();
    metrics.forEach(
        m ->
            lines.add(
                "%s %d/%d %s"
                    .formatted(
                        m.path("metric").asString(),
                        m.path("met").asInt(),
                        m.path("breached").asInt(),
                        m.path("compliancePercent").isNull()
                            ? "null"
                            : m.path("compliancePercent").asDouble())));
    return lines;
  }

  @Test
  void shouldNameTheParameterOfABadRange() {
    Response garbled = api.get("/api/stats/hourly?from=yesterday");
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.problemField()).isEqualTo("from");

    Response backwards = api.get("/api/stats/agents?from=" + H + "&to=" + H.minusHours(1));
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.problemField()).isEqualTo("from");

    Response tooLong = api.get("/api/stats/hourly?from=" + H.minusYears(1) + "&to=" + H);
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.problemField()).isEqualTo("from");

    Response tooManyHours = api.get("/api/stats/summary?hours=0");
    assertThat(tooManyHours.status()).isEqualTo(400);
    assertThat(tooManyHours.problemField()).isEqualTo("hours");
  }

  private static long insertTheTwoTickets() {
    DSLContext dsl = TestJooq.over(DATABASE.dataSource()).dsl();
    long dana =
        dsl.insertInto(AGENTS)
            .set(AGENTS.EMAIL, "dana@tempodesk.test")
            .set(AGENTS.DISPLAY_NAME, "Dana")
            .set(AGENTS.ROLE, "AGENT")
            .returning(AGENTS.ID)
            .fetchSingle()
            .getId();
    long reporter =
        dsl.insertInto(CONTACTS)
            .set(CONTACTS.EMAIL, "erin@customer.test")
            .set(CONTACTS.DISPLAY_NAME, "Erin")
            .returning(CONTACTS.ID)
            .fetchSingle()
            .getId();
    ticket(dsl, 1001, reporter, "CLOSED", dana, 10);
    event(dsl, 1001, 1, "CREATED", 10, "");
    event(
        dsl,
        1001,
        2,
        "UPDATED",
        20,
        change("status", "NEW", "OPEN") + "," + change("assignee", null, "Dana (#" + dana + ")"));
    event(
        dsl,
        1001,
        3,
        "REPLIED",
        25,
        change("firstResponseAt", null, H.plusMinutes(25).toInstant().toString()),
        dana);
    event(dsl, 1001, 4, "UPDATED", 40, change("status", "OPEN", "CLOSED"));
    ticket(dsl, 1002, reporter, "NEW", null, 30);
    event(dsl, 1002, 1, "CREATED", 30, "");
    event(dsl, 1002, 2, "SLA_BREACHED", 50, change("firstResponseBreached", "false", "true"));
    return dana;
  }

  private static void ticket(
      DSLContext dsl, long number, long reporter, String status, Long assignee, int minute) {
    dsl.insertInto(TICKETS)
        .set(TICKETS.NUMBER, number)
        .set(TICKETS.SUBJECT, "Printer " + number)
        .set(TICKETS.STATUS, status)
        .set(TICKETS.PRIORITY, "NORMAL")
        .set(TICKETS.ASSIGNEE_ID, assignee)
        .set(TICKETS.REPORTER_ID, reporter)
        .set(TICKETS.CHANNEL, "PHONE")
        .set(TICKETS.RESOLUTION, "CLOSED".equals(status) ? "SOLVED" : null)
        .set(TICKETS.CREATED_AT, H.plusMinutes(minute))
        .set(TICKETS.CLOSED_AT, "CLOSED".equals(status) ? H.plusMinutes(40) : null)
        .set(TICKETS.UPDATED_AT, H.plusMinutes(minute))
        .execute();
  }

  private static void event(
      DSLContext dsl, long ticket, long version, String kind, int minute, String changes) {
    event(dsl, ticket, version, kind, minute, changes, null);
  }

  private static void event(
      DSLContext dsl,
      long ticket,
      long version,
      String kind,
      int minute,
      String changes,
      Long agent) {
    dsl.insertInto(TICKET_EVENTS)
        .set(TICKET_EVENTS.ID, UUID.randomUUID())
        .set(TICKET_EVENTS.TICKET_NUMBER, ticket)
        .set(TICKET_EVENTS.TICKET_VERSION, version)
        .set(TICKET_EVENTS.KIND, kind)
        .set(TICKET_EVENTS.ACTOR_KIND, agent == null ? "SYSTEM" : "AGENT")
        .set(TICKET_EVENTS.ACTOR_ID, agent)
        .set(TICKET_EVENTS.ACTOR_NAME, agent == null ? "Tempodesk" : "Dana")
        .set(TICKET_EVENTS.CHANGES, JSONB.valueOf("[" + changes + "]"))
        .set(TICKET_EVENTS.OCCURRED_AT, H.plusMinutes(minute))
        .execute();
  }

  private static String change(String field, String from, String to) {
    return "{\"field\":\"%s\",\"from\":%s,\"to\":\"%s\"}"
        .formatted(field, from == null ? "null" : "\"" + from + "\"", to);
  }
}
