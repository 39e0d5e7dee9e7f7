package dev.tempodesk.api.sla;

import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.Eventually;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;

/**
 * An admin's policy or calendar change reaches the ticket workflows it may re-time: the write names
 * its recalculation, which signals exactly the governed live tickets' workflows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SlaRecalculationApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PATH = "/api/sla-policies";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired OrganizationRepository organizations;
  @Autowired WorkflowClient client;
  @Autowired DSLContext dsl;

  private HttpApi admin;
  private String name;
  private long organization;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    name = "Gold " + UUID.randomUUID();
    organization = organizations.insert(name, null).getId();
  }

  private long ticket(Long organizationId) {
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "subject", "Printer " + UUID.randomUUID(),
                "description", "Jammed.",
                "reporterEmail", "caller-" + UUID.randomUUID() + "@example.com"));
    if (organizationId != null) {
      body.put("organizationId", organizationId);
    }
    Response created = admin.post("/api/tickets", HttpApi.json(body));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private String policy(String targets, Long calendarId) {
    return """
        {"name": "%s", "calendarId": %s, "conditions": {"organizationIds": [%d]},
         "targets": {"HIGH": {"FIRST_RESPONSE": "%s"}}}"""
        .formatted(name, calendarId, organization, targets);
  }

  /** Waits for the recalculation the write named and returns its final counts. */
  private JsonNode finished(Response write) {
    String id = write.header(SlaRecalculations.HEADER);
    assertThat(id).as("the write names a recalculation").isNotNull();
    JsonNode[] progress = new JsonNode[1];
    Eventually.await(
        () -> {
          Response read = admin.get(PATH + "/recalculations/" + id);
          assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
          progress[0] = read.body();
          return progress[0].get("finished").asBoolean();
        });
    return progress[0];
  }

  /** The reasons of the recalculateSla signals the ticket's workflow got, oldest first. */
  private List<String> signals(long ticket) {
    return client.fetchHistory(TicketWorkflow.workflowId(ticket)).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(s -> s.getSignalName().equals("recalculateSla"))
        .map(s -> s.getInput().getPayloads(0).getData().toStringUtf8())
        .toList();
  }

  private void governedBy(long ticket, long policyId, Long calendarId) {
    // What the ticket projection records once the workflow applies the policy (issue 18, V26).
    dsl.update(TICKETS)
        .set(TICKETS.SLA_POLICY_ID, policyId)
        .set(TICKETS.SLA_CALENDAR_ID, calendarId)
        .where(TICKETS.NUMBER.eq(ticket))
        .execute();
  }

  @Test
  void shouldSignalTheTicketsAPolicyGovernsWhenItsTargetsChangeAndEveryTicketWhenOneIsAdded() {
    long other = ticket(null);
    int live = dsl.fetchCount(TICKETS, TICKETS.STATUS.ne("CLOSED"));

    Response added = admin.post(PATH, policy("PT1H", null));
    long id = added.body().get("id").asLong();
    JsonNode addition = finished(added);
    assertThat(added.header(SlaRecalculations.HEADER))
        .isEqualTo("sla-recalc-policy-" + id + "-added");
    assertThat(addition.get("reason").asString()).isEqualTo("policy \"" + name + "\" added");
    assertThat(addition.get("signalled").asLong())
        .as("every live ticket: the new policy may come first for any")
        .isEqualTo(live)
        .isPositive();
    // Opened under the policy (their organization matches it), so it governs them.
    long first = ticket(organization);
    long second = ticket(organization);
    governedBy(first, id, null);
    governedBy(second, id, null);

    Response replaced = admin.put(PATH + "/" + id, policy("PT2H", null));
    JsonNode change = finished(replaced);

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(change.get("signalled").asLong()).isEqualTo(2);
    assertThat(change.get("skipped").asLong()).isZero();
    assertThat(change.get("failed").asLong()).isZero();
    assertThat(signals(first)).hasSize(1).last().asString().contains("changed").contains(name);
    assertThat(signals(second)).hasSize(1);
    assertThat(signals(other))
        .as("not governed by the policy")
        .hasSize(1)
        .last()
        .asString()
        .contains("added");

    Response again = admin.put(PATH + "/" + id, policy("PT2H", null));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header(SlaRecalculations.HEADER))
        .as("a double submit changes nothing, so recalculates nothing")
        .isNull();

    Response removed = admin.send("DELETE", PATH + "/" + id, "application/json", "");
    assertThat(removed.status()).isEqualTo(204);
    assertThat(finished(removed).get("signalled").asLong()).isEqualTo(2);
    assertThat(signals(first)).last().asString().contains("removed");
  }

  @Test
  void shouldSignalTheTicketsTimedInACalendarWhenItsHoursChange() {
    String office =
        """
        {"name": "Office %s", "zone": "Europe/Berlin",
         "hours": {"MONDAY": [{"start": "%s", "end": "17:00"}]}}""";
    String calendarName = UUID.randomUUID().toString();
    Response calendar =
        admin.post("/api/business-calendars", office.formatted(calendarName, "09:00"));
    long calendarId = calendar.body().get("id").asLong();
    Response policy = admin.post(PATH, policy("PT1H", calendarId));
    finished(policy);
    // Opened under a policy counting in the calendar (their organization matches it).
    long timed = ticket(organization);
    long untimed = ticket(null);
    governedBy(timed, policy.body().get("id").asLong(), calendarId);

    Response renamedOnly =
        admin.put(
            "/api/business-calendars/" + calendarId,
            office.formatted(calendarName + " renamed", "09:00"));
    Response moved =
        admin.put(
            "/api/business-calendars/" + calendarId,
            office.formatted(calendarName + " renamed", "08:00"));

    assertThat(renamedOnly.status()).isEqualTo(200);
    assertThat(renamedOnly.header(SlaRecalculations.HEADER)).isNull();
    JsonNode progress = finished(moved);
    assertThat(progress.get("reason").asString())
        .isEqualTo("calendar \"Office " + calendarName + " renamed\" changed");
    assertThat(progress.get("signalled").asLong()).isEqualTo(1);
    assertThat(signals(timed)).hasSize(1);
    assertThat(signals(untimed)).isEmpty();
  }

  @Test
  void shouldAnswer404ForARecalculationThatDoesNotExist() {
    assertThat(admin.get(PATH + "/recalculations/sla-recalc-policy-1-0").status()).isEqualTo(404);
    assertThat(admin.get(PATH + "/recalculations/ticket-1001").status()).isEqualTo(404);
  }
}
