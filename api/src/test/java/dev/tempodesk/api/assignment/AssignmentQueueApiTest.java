package dev.tempodesk.api.assignment;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code GET /api/assignment/queue} over HTTP. Auto-assignment is off in the test profile, so the
 * tickets stay in the queue and a hand assignment shows in the agent's load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssignmentQueueApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired AgentRepository agents;
  @Autowired ContactRepository contacts;

  @Test
  void shouldListWaitingTicketsInAssignmentOrderAndAgentsWithTheirLoad() {
    AgentsRecord alice = agents.insert("alice@queue.example", "Alice", "AGENT", 2);
    HttpApi api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    ContactsRecord carla = contacts.findOrCreate("carla@queue.example", "Carla", null);
    long low = create(api, carla, "LOW");
    long urgent = create(api, carla, "URGENT");
    long normal = create(api, carla, "NORMAL");
    long handPicked = create(api, carla, "HIGH");
    Response assigned =
        api.patch(
            "/api/tickets/" + handPicked,
            json(Map.of("assigneeId", alice.getId(), "comment", "Alice knows them")));
    assertThat(assigned.status()).isEqualTo(200);

    Response queue = api.get("/api/assignment/queue");

    assertThat(queue.status()).isEqualTo(200);
    JsonNode body = queue.body();
    assertThat(body.get("enabled").asBoolean()).isFalse();
    assertThat(body.get("waiting").asInt()).isEqualTo(3);
    List<Long> order = new ArrayList<>();
    body.get("head").forEach(ticket -> order.add(ticket.get("number").asLong()));
    assertThat(order).containsExactly(urgent, normal, low);
    JsonNode agent = null;
    for (JsonNode candidate : body.get("agents")) {
      if (candidate.get("id").asLong() == alice.getId()) {
        agent = candidate;
      }
    }
    assertThat(agent).as("Alice among the available agents").isNotNull();
    assertThat(agent.get("load").asInt()).isEqualTo(1);
    assertThat(agent.get("capacity").asInt()).isEqualTo(2);
  }

  private static long create(HttpApi api, ContactsRecord reporter, String priority) {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    priority + " ticket",
                    "description",
                    "d",
                    "priority",
                    priority,
                    "reporterId",
                    reporter.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }
}
