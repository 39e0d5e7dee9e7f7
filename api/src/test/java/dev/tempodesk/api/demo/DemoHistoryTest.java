package dev.tempodesk.api.demo;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo mode's first start into an empty database: four weeks of closed tickets and the hourly
 * statistics they make, so a newcomer's statistics page has figures right away.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.demo=true")
@ActiveProfiles("test")
class DemoHistoryTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired DSLContext dsl;
  @Autowired DemoData demoData;
  @Autowired DemoHistory history;
  @Autowired Clock clock;
  private HttpApi manager;

  @BeforeEach
  void signIn() {
    manager = HttpApi.signedInAs(port, "max@" + DemoData.DOMAIN, DemoLogins.PASSWORD);
  }

  @Test
  void shouldShowFiguresForEachOfTheLastFourWeeks() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), DemoHistory.ZONE);
    Instant from = today.minusDays(DemoHistory.DAYS).atStartOfDay(DemoHistory.ZONE).toInstant();
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);

    Instant firstHour =
        dsl.select(DSL.min(TICKETS.CREATED_AT))
            .from(TICKETS)
            .fetchSingle()
            .value1()
            .toInstant()
            .truncatedTo(ChronoUnit.HOURS);
    assertThat(firstHour).isBefore(from.plus(Duration.ofDays(1)));

    // The stats workflow backfills every hour since the first ticket: none missing in the charts.
    JsonNode hours =
        await()
            .atMost(Duration.ofMinutes(2))
            .until(
                () ->
                    manager
                        .get("/api/stats/hourly?from=" + from + "&to=" + to)
                        .body()
                        .path("hours"),
                h -> h.size() == (int) Duration.between(firstHour, to).toHours());
    Map<LocalDate, int[]> createdAndClosedByDay = new TreeMap<>();
    for (JsonNode hour : hours) {
      LocalDate day =
          Instant.parse(hour.path("hourStart").asString()).atZone(DemoHistory.ZONE).toLocalDate();
      int[] figures = createdAndClosedByDay.computeIfAbsent(day, d -> new int[2]);
      figures[0] += hour.path("created").asInt();
      figures[1] += hour.path("closed").asInt();
    }
    for (LocalDate day = today.minusDays(DemoHistory.DAYS);
        day.isBefore(today);
        day = day.plusDays(1)) {
      int[] figures = createdAndClosedByDay.get(day);
      assertThat(figures[0]).as("tickets opened on %s", day).isPositive();
      if (!DemoHistory.isWeekend(day)) {
        assertThat(figures[0]).as("tickets opened on weekday %s", day).isGreaterThanOrEqualTo(5);
        assertThat(figures[1]).as("tickets closed on weekday %s", day).isPositive();
      }
    }

    JsonNode summary = manager.get("/api/stats/summary?hours=" + 24 * 28).body();
    assertThat(summary.path("created").asInt()).isBetween(150, 400);
    assertThat(summary.path("closed").asInt())
        .isBetween(summary.path("created").asInt() * 9 / 10, summary.path("created").asInt() + 20);
    assertThat(summary.path("avgFirstResponseSeconds").asLong()).isPositive();
    assertThat(summary.path("avgResolutionSeconds").asLong()).isPositive();
    // Some breaches, but most tickets within their SLA.
    assertThat(summary.path("slaCompliancePercent").asDouble()).isBetween(60.0, 99.0);
    // Compliance per metric, from the same computation: every ticket was answered and closed, and
    // the suspended ones answered again after the customer wrote back.
    Map<String, JsonNode> metrics = new TreeMap<>();
    summary.path("compliance").forEach(m -> metrics.put(m.path("metric").asString(), m));
    assertThat(metrics.get("FIRST_RESPONSE").path("met").asInt())
        .isBetween(summary.path("created").asInt() * 9 / 10, summary.path("created").asInt() + 20);
    assertThat(metrics.get("NEXT_REPLY").path("met").asInt()).isPositive();
    assertThat(metrics.get("RESOLUTION").path("met").asInt()).isPositive();
    assertThat(metrics.get("RESOLUTION").path("breached").asInt()).isPositive();
    assertThat(metrics.get("RESOLUTION").path("compliancePercent").asDouble())
        .isBetween(60.0, 99.9);

    JsonNode agents =
        manager.get("/api/stats/agents?from=" + from + "&to=" + to).body().path("agents");
    assertThat(agents.valueStream().map(a -> a.path("agent").path("name").asString()))
        .containsExactlyInAnyOrder("Alice Agent", "Max Manager");
    assertThat(agents.valueStream().mapToInt(a -> a.path("closed").asInt()).min().orElseThrow())
        .isGreaterThan(30);
    JsonNode compliance =
        manager.get("/api/stats/agents?from=" + from + "&to=" + to).body().path("compliance");
    assertThat(compliance.valueStream().map(a -> a.path("agent").path("name").asString()))
        .containsExactly("Alice Agent", "Max Manager");
  }

  @Test
  void shouldAddNothingOnASecondStart() throws Exception {
    // The first start's live tickets are opened in the background: count after they all are.
    demoData.liveTickets().get(2, TimeUnit.MINUTES);
    // The history's events; the live demo tickets' workflows may add events of their own.
    var historic =
        TICKET_EVENTS.OCCURRED_AT.lt(
            clock.instant().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
    int tickets = dsl.fetchCount(TICKETS);
    int events = dsl.fetchCount(TICKET_EVENTS, historic);

    demoData.seedIfEmpty();
    int added = history.seed(new DemoHistory.Cast(List.of(), List.of()));

    assertThat(added).isZero();
    assertThat(dsl.fetchCount(TICKETS)).isEqualTo(tickets);
    assertThat(dsl.fetchCount(TICKET_EVENTS, historic)).isEqualTo(events);
  }

  @Test
  void shouldBeAPlausibleHistory() {
    Instant now = clock.instant();
    List<TicketsRecord> past =
        dsl.selectFrom(TICKETS)
            .where(TICKETS.STATUS.eq("CLOSED"))
            .and(TICKETS.CREATED_AT.lt(now.minus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC)))
            .orderBy(TICKETS.NUMBER)
            .fetch();
    assertThat(past).hasSizeBetween(150, 400);

    int inBusinessHours = 0;
    Instant previous = Instant.MIN;
    for (TicketsRecord ticket : past) {
      Instant created = ticket.getCreatedAt().toInstant();
      assertThat(created)
          .as("numbers follow creation, #%d", ticket.getNumber())
          .isAfterOrEqualTo(previous);
      previous = created;
      assertThat(ticket.getFirstResponseAt().toInstant()).isAfter(created);
      assertThat(ticket.getClosedAt().toInstant())
          .isAfter(ticket.getFirstResponseAt().toInstant())
          .isBefore(now);
      assertThat(ticket.getAssigneeId()).isNotNull();
      assertThat(ticket.getAcknowledgementDue()).isFalse();
      ZonedDateTime local = created.atZone(DemoHistory.ZONE);
      if (!DemoHistory.isWeekend(local.toLocalDate())
          && !local.toLocalTime().isBefore(LocalTime.of(9, 0))
          && local.toLocalTime().isBefore(LocalTime.of(17, 0))) {
        inBusinessHours++;
      }
      // Every reply and every event comes after the ticket's creation.
      assertThat(
              dsl.fetchCount(
                  MESSAGES,
                  MESSAGES.TICKET_NUMBER.eq(ticket.getNumber()),
                  MESSAGES.OCCURRED_AT.lt(ticket.getCreatedAt())))
          .isZero();
    }
    assertThat(inBusinessHours).isGreaterThan(past.size() * 85 / 100).isLessThan(past.size());
    assertThat(
            dsl.fetchCount(
                TICKET_EVENTS
                    .join(TICKETS)
                    .on(TICKETS.NUMBER.eq(TICKET_EVENTS.TICKET_NUMBER))
                    .where(TICKET_EVENTS.OCCURRED_AT.lt(TICKETS.CREATED_AT))))
        .isZero();

    assertThat(past.stream().map(TicketsRecord::getPriority).distinct()).hasSize(4);
    assertThat(past.stream().map(TicketsRecord::getChannel).distinct()).hasSize(4);
    assertThat(dsl.fetchCount(TICKET_EVENTS, TICKET_EVENTS.KIND.eq("SLA_BREACHED"))).isPositive();
    assertThat(dsl.fetchCount(TICKET_EVENTS, TICKET_EVENTS.KIND.eq("RESUMED_BY_CUSTOMER")))
        .isGreaterThan(past.size() / 5);
    assertThat(
            dsl.fetchCount(
                MESSAGES,
                MESSAGES.DIRECTION.eq("OUTBOUND"),
                MESSAGES.DELIVERY_STATUS.eq("SENT"),
                MESSAGES.AUTHOR_AGENT_ID.isNotNull()))
        .isGreaterThanOrEqualTo(past.size());
  }

  @Test
  void shouldRunAcmesLiveTicketsOnTheSupportHoursPolicy() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> underPolicy(DemoServiceLevels.POLICY).size() >= 2);

    JsonNode acme = underPolicy(DemoServiceLevels.POLICY).getFirst();
    assertThat(acme.get("organizationName").asString()).isEqualTo("Acme Networks");
    assertThat(acme.get("sla").get("calendar").get("name").asString())
        .isEqualTo(DemoServiceLevels.CALENDAR);
    assertThat(acme.get("sla").get("metrics").valueStream().map(m -> m.get("metric").asString()))
        .contains("FIRST_RESPONSE", "NEXT_REPLY", "RESOLUTION");
    JsonNode globex =
        manager
            .get("/api/tickets?limit=200")
            .body()
            .get("items")
            .valueStream()
            .filter(t -> "Globex Retail".equals(t.get("organizationName").asString("")))
            .findFirst()
            .orElseThrow();
    assertThat(globex.get("sla").get("policy").isNull())
        .as("the seeded Default, on the configured targets")
        .isTrue();
  }

  private List<JsonNode> underPolicy(String name) {
    return manager
        .get("/api/tickets?limit=200")
        .body()
        .get("items")
        .valueStream()
        .filter(t -> !t.get("sla").get("policy").isNull())
        .filter(t -> name.equals(t.get("sla").get("policy").get("name").asString()))
        .toList();
  }
}
