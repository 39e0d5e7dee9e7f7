package dev.tempodesk.api.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tempodesk.activities.sla.SlaPolicyReader;
import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.SettableClock;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.jooq.tables.records.BusinessCalendarsRecord;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.TicketFacts;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The SLA a ticket shows through the API (issue 18, contract A): the policy and calendar applied
 * and, per metric, its state, business time left and due instant; and the seeded Default policy on
 * the configured targets.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tempodesk.sla.urgent.to-assign=PT5M", "tempodesk.sla.urgent.to-resolve=PT3H"})
@ActiveProfiles("test")
class TicketSlaApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  /** Saturday 12 December 2026, 11:00 in Berlin: the support desk is closed. */
  private static final Instant SATURDAY = Instant.parse("2026-12-12T10:00:00Z");

  /** Friday 11 December 2026, 17:30 in Berlin: half an hour before closing. */
  private static final Instant FRIDAY_EVENING = Instant.parse("2026-12-11T16:30:00Z");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  /** The API's clock, set by the tests: remaining times are counted from it. */
  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock(Instant.now());
    }
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired SettableClock clock;
  @Autowired OrganizationRepository organizations;
  @Autowired TicketRepository tickets;
  @Autowired SlaPolicyReader slaPolicies;
  @Autowired BusinessCalendarRepository calendarRepository;

  private TestAccounts accounts;
  private HttpApi admin;
  private HttpApi agent;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    agent = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
  }

  @Test
  void shouldKeepTheSeededDefaultOnTheConfiguredTargetsUntilAnAdminEditsIt() {
    JsonNode seeded = defaultPolicy();
    assertThat(seeded.get("followsConfiguration").asBoolean()).isTrue();
    assertThat(seeded.get("targets").get("URGENT").get("TIME_TO_ASSIGN").asString())
        .as("tempodesk.sla.urgent.to-assign")
        .isEqualTo("PT5M");
    assertThat(seeded.get("targets").get("URGENT").get("RESOLUTION").asString()).isEqualTo("PT3H");
    assertThat(seeded.get("targets").get("LOW").get("RESOLUTION").asString())
        .as("a priority not configured keeps the defaults")
        .isEqualTo("PT72H");

    Response edited =
        admin.put(
            "/api/sla-policies/" + seeded.get("id").asLong(),
            """
            {"name": "Default", "targets": {"URGENT": {"TIME_TO_ASSIGN": "PT5M",
             "RESOLUTION": "PT3H"}}}""");

    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(edited.body().get("followsConfiguration").asBoolean()).isFalse();
    assertThat(defaultPolicy().get("followsConfiguration").asBoolean()).isFalse();
  }

  @Test
  void shouldShowThePolicysMetricsInBusinessTimeFromTheTicketRow() {
    long organization = organizations.insert("Berlin GmbH " + UUID.randomUUID(), null).getId();
    long calendar =
        created("/api/business-calendars", supportHours("Support hours " + organization));
    created(
        "/api/sla-policies",
        """
        {"name": "Berlin %d", "calendarId": %d,
         "conditions": {"organizationIds": [%d]},
         "targets": {"NORMAL": {"FIRST_RESPONSE": "PT1H", "NEXT_REPLY": "PT2H",
                                "RESOLUTION": "PT16H"}},
         "pauses": {"FIRST_RESPONSE": [], "NEXT_REPLY": [], "RESOLUTION": ["CUSTOMER"]}}"""
            .formatted(organization, calendar, organization));
    AppliedSla applied =
        slaPolicies.lookUp(0, new TicketFacts(organization, Priority.NORMAL, Channel.EMAIL, null));
    // A ticket written Friday 17:30 Berlin time, as its workflow writes one (no workflow runs for
    // it): first response due at Monday 09:30, no customer message waiting, and resolution paused
    // while the ticket waits for the customer (the only metric that reason pauses).
    TicketState ticket = ticket(organization, applied);
    ticket.firstResponseClock =
        running(Duration.ofHours(1), applied.calendar().addBusinessTime(FRIDAY_EVENING, hours(1)));
    ticket.nextReplyClock = new SlaClock();
    ticket.nextReplyClock.target = Duration.ofHours(2);
    ticket.resolveClock = new SlaClock();
    ticket.resolveClock.target = Duration.ofHours(16);
    ticket.resolveClock.remaining = Duration.ofHours(15).plusMinutes(30);
    tickets.insert(TicketRows.toRow(ticket, FRIDAY_EVENING));
    clock.set(SATURDAY);

    JsonNode sla = agent.get("/api/tickets/" + ticket.number).body().get("sla");

    assertThat(sla.get("policy").get("name").asString()).isEqualTo("Berlin " + organization);
    assertThat(sla.get("calendar").get("id").asLong()).isEqualTo(calendar);
    assertThat(sla.get("metrics")).hasSize(3);
    JsonNode firstResponse = sla.get("metrics").get(0);
    assertThat(firstResponse.get("metric").asString()).isEqualTo("FIRST_RESPONSE");
    assertThat(firstResponse.get("state").asString()).isEqualTo("RUNNING");
    assertThat(firstResponse.get("targetSeconds").asLong()).isEqualTo(3600);
    assertThat(Instant.parse(firstResponse.get("dueAt").asString()))
        .as("Monday 09:30 in Berlin")
        .isEqualTo(Instant.parse("2026-12-14T08:30:00Z"));
    assertThat(firstResponse.get("remainingBusinessSeconds").asLong())
        .as("half an hour of business time, though 46.5 hours of wall-clock time")
        .isEqualTo(1800);
    assertThat(firstResponse.get("warned").asBoolean()).as("more than 20 % left").isFalse();
    assertThat(firstResponse.get("breached").asBoolean()).isFalse();
    JsonNode nextReply = sla.get("metrics").get(1);
    assertThat(nextReply.get("metric").asString()).isEqualTo("NEXT_REPLY");
    assertThat(nextReply.get("state").asString()).isEqualTo("STOPPED");
    assertThat(nextReply.get("remainingBusinessSeconds").isNull()).isTrue();
    assertThat(nextReply.get("dueAt").isNull()).isTrue();
    JsonNode resolution = sla.get("metrics").get(2);
    assertThat(resolution.get("metric").asString()).isEqualTo("RESOLUTION");
    assertThat(resolution.get("state").asString()).isEqualTo("PAUSED");
    assertThat(resolution.get("remainingBusinessSeconds").asLong()).isEqualTo(55_800);

    clock.set(Instant.parse("2026-12-14T09:00:00Z"));
    JsonNode listed = listed(ticket.number).get("sla").get("metrics").get(0);
    assertThat(listed.get("remainingBusinessSeconds").asLong())
        .as("the list shows the same, Monday half an hour late")
        .isEqualTo(-1800);
    assertThat(listed.get("breached").asBoolean()).isTrue();
  }

  @Test
  void shouldRunTheFirstResponseClockOfABusinessHoursPolicyUntilAnAgentReplies() {
    clock.set(Instant.now());
    long organization = organizations.insert("Hamburg AG " + UUID.randomUUID(), null).getId();
    long calendar = created("/api/business-calendars", supportHours("Hamburg " + organization));
    String policy = "Hamburg " + organization;
    created(
        "/api/sla-policies",
        """
        {"name": "%s", "calendarId": %d, "conditions": {"organizationIds": [%d]},
         "targets": {"HIGH": {"FIRST_RESPONSE": "PT1H", "NEXT_REPLY": "PT2H"}}}"""
            .formatted(policy, calendar, organization));
    long reporter = accounts.customer(organization).getId();
    Response opened =
        agent.post(
            "/api/tickets",
            """
            {"subject": "Login fails", "description": "Since this morning.", "priority": "HIGH",
             "reporterId": %d}"""
                .formatted(reporter));
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
    long number = opened.body().get("number").asLong();

    // The row opens on the configured targets; the workflow applies the policy a moment later.
    JsonNode sla = await(number, s -> !s.get("policy").isNull());

    Instant createdAt =
        OffsetDateTime.parse(ticketJson(number).get("createdAt").asString()).toInstant();
    BusinessCalendar hours = slaPolicies.calendar(calendarRow(calendar));
    Instant due = hours.addBusinessTime(createdAt, Duration.ofHours(1));
    assertThat(sla.get("policy").get("name").asString()).isEqualTo(policy);
    assertThat(sla.get("calendar").get("id").asLong()).isEqualTo(calendar);
    assertThat(sla.get("metrics"))
        .extracting(m -> m.get("metric").asString())
        .containsExactly("FIRST_RESPONSE", "NEXT_REPLY");
    JsonNode firstResponse = sla.get("metrics").get(0);
    assertThat(firstResponse.get("state").asString()).isEqualTo("RUNNING");
    assertThat(Instant.parse(firstResponse.get("dueAt").asString()))
        .isCloseTo(due, within(1, ChronoUnit.MILLIS));
    assertThat(firstResponse.get("remainingBusinessSeconds").asLong())
        .isEqualTo(
            hours
                .businessTimeBetween(
                    clock.instant(), Instant.parse(firstResponse.get("dueAt").asString()))
                .toSeconds());
    assertThat(events(number)).contains("SLA policy \"" + policy + "\" applied");

    Response replied =
        agent.post("/api/tickets/" + number + "/replies", "{\"body\": \"Please try again.\"}");
    assertThat(replied.status()).as(replied.body().toString()).isEqualTo(202);

    JsonNode answered =
        await(number, s -> s.get("metrics").get(0).get("state").asString().equals("STOPPED"));
    JsonNode met = answered.get("metrics").get(0);
    assertThat(met.get("metric").asString()).isEqualTo("FIRST_RESPONSE");
    assertThat(met.get("breached").asBoolean()).as("met").isFalse();
    assertThat(met.get("remainingBusinessSeconds").isNull()).isTrue();
    assertThat(met.get("dueAt").isNull()).isTrue();
    assertThat(answered.get("metrics").get(1).get("state").asString())
        .as("no customer message waits for a reply")
        .isEqualTo("STOPPED");
  }

  @Test
  void shouldShowTicketsFromBeforePoliciesRoundTheClock() {
    long organization = organizations.insert("Legacy " + UUID.randomUUID(), null).getId();
    TicketState ticket = ticket(organization, null);
    ticket.assignClock = running(Duration.ofHours(4), FRIDAY_EVENING.plus(hours(4)));
    ticket.resolveClock = running(Duration.ofHours(24), FRIDAY_EVENING.plus(hours(24)));
    tickets.insert(TicketRows.toRow(ticket, FRIDAY_EVENING));
    clock.set(FRIDAY_EVENING.plus(hours(1)));

    JsonNode sla = agent.get("/api/tickets/" + ticket.number).body().get("sla");

    assertThat(sla.get("policy").isNull()).isTrue();
    assertThat(sla.get("calendar").isNull()).isTrue();
    assertThat(sla.get("remainingToAssignSeconds").asLong()).isEqualTo(3 * 3600);
    assertThat(sla.get("metrics"))
        .extracting(m -> m.get("metric").asString())
        .containsExactly("TIME_TO_ASSIGN", "RESOLUTION");
    assertThat(sla.get("metrics").get(1).get("remainingBusinessSeconds").asLong())
        .isEqualTo(23 * 3600);
  }

  private JsonNode ticketJson(long number) {
    return agent.get("/api/tickets/" + number).body();
  }

  /** The ticket's SLA once {@code condition} holds (the workflow writes the row a moment later). */
  private JsonNode await(long number, Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> sla = new AtomicReference<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              sla.set(ticketJson(number).get("sla"));
              return condition.test(sla.get());
            });
    return sla.get();
  }

  private List<String> events(long number) {
    return agent
        .get("/api/tickets/" + number + "/events")
        .body()
        .valueStream()
        .map(event -> event.get("comment").asString(""))
        .toList();
  }

  private BusinessCalendarsRecord calendarRow(long id) {
    return calendarRepository.find(id).orElseThrow();
  }

  private JsonNode defaultPolicy() {
    for (JsonNode policy : agent.get("/api/sla-policies").body()) {
      if (policy.get("name").asString().equals("Default")) {
        return policy;
      }
    }
    throw new AssertionError("no Default policy");
  }

  private JsonNode listed(long number) {
    for (JsonNode item : agent.get("/api/tickets?limit=200").body().get("items")) {
      if (item.get("number").asLong() == number) {
        return item;
      }
    }
    throw new AssertionError("ticket #" + number + " not listed");
  }

  private long created(String path, String body) {
    Response created = admin.post(path, body);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static String supportHours(String name) {
    return """
        {"name": "%s", "zone": "Europe/Berlin",
         "hours": {"MONDAY": [{"start": "09:00", "end": "18:00"}],
                   "TUESDAY": [{"start": "09:00", "end": "18:00"}],
                   "WEDNESDAY": [{"start": "09:00", "end": "18:00"}],
                   "THURSDAY": [{"start": "09:00", "end": "18:00"}],
                   "FRIDAY": [{"start": "09:00", "end": "18:00"}]},
         "holidays": ["2026-12-24"]}"""
        .formatted(name);
  }

  private TicketState ticket(long organization, AppliedSla applied) {
    TicketState ticket = new TicketState();
    ticket.number = tickets.nextNumber();
    ticket.subject = "Invoice missing";
    ticket.status = applied == null ? TicketStatus.NEW : TicketStatus.PENDING;
    ticket.pendingReason = applied == null ? null : PendingReason.CUSTOMER;
    ticket.pendingUntil = applied == null ? null : FRIDAY_EVENING.plus(Duration.ofDays(7));
    ticket.priority = Priority.NORMAL;
    ticket.reporterId = accounts.customer(organization).getId();
    ticket.organizationId = organization;
    ticket.channel = Channel.EMAIL;
    ticket.createdAt = FRIDAY_EVENING;
    ticket.version = 1;
    ticket.sla = applied;
    return ticket;
  }

  private static SlaClock running(Duration target, Instant dueAt) {
    SlaClock clock = new SlaClock();
    clock.target = target;
    clock.dueAt = dueAt;
    return clock;
  }

  private static Duration hours(long hours) {
    return Duration.ofHours(hours);
  }
}
