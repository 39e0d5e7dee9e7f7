package dev.tempodesk.api.validation;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.mail.MailAddressesTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the address parser accepts, the API accepts and the database stores: every accepted case of
 * the parser's table ({@code MailAddressesTest.singles}) goes through the API as a ticket's
 * reporter, a contact or an agent, and is stored in its canonical form; an address is one person's,
 * so once an agent has it no contact or reporter may take it and the other way round (409 naming
 * the field). One person written two ways is one contact: a reporter and a contact of the same
 * canonical address are the same row. (An address written with a NUL in its display name is refused
 * as every JSON text with NUL is.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AddressesThroughTheApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;

  @Test
  void everyAddressTheParserAcceptsIsCreatedAndStoredThroughTheApi() {
    HttpApi admin = TestAccounts.signIn(port, TestAccounts.of(app).agent("ADMIN").getEmail());
    List<Object[]> accepted =
        MailAddressesTest.singles().map(Arguments::get).filter(c -> c[1] != null).toList();
    Map<String, Long> contactOf = new HashMap<>();
    Set<String> agents = new HashSet<>();
    List<String> failures = new ArrayList<>();
    int index = 0;
    for (Object[] addressCase : accepted) {
      String input = (String) addressCase[0];
      String canonical = (String) addressCase[1];
      index++;
      if (input.indexOf('\0') >= 0) {
        // No JSON text may hold NUL (StrictJsonConfig), whatever field it is in.
        Response refused =
            admin.post(
                "/api/tickets",
                json(Map.of("subject", "S", "description", "D", "reporterEmail", input)));
        if (expect(failures, input, "ticket with NUL", refused, 400)
            && !"reporterEmail".equals(refused.problemField())) {
          failures.add(input + ": NUL refused naming " + refused.problemField());
        }
        continue;
      }
      if (agents.contains(canonical)) {
        // An agent has it: one address is one person's, so no contact or reporter may take it.
        expectTaken(
            failures, input, "contact of an agent's address", contact(admin, input), "email");
        expectTaken(
            failures,
            input,
            "reporter of an agent's address",
            ticket(admin, input),
            "reporterEmail");
        expectTaken(failures, input, "second agent", agent(admin, input, index), "email");
        continue;
      }
      Long known = contactOf.get(canonical);
      if (known == null && index % 3 == 0) {
        // A third of the addresses are first an agent's, stored canonically.
        Response agent = agent(admin, input, index);
        if (expect(failures, input, "agent", agent, 201)
            && !canonical.equals(agent.body().path("email").asString())) {
          failures.add(input + ": agent stored as " + agent.body().path("email"));
        }
        agents.add(canonical);
        expectTaken(
            failures, input, "contact of an agent's address", contact(admin, input), "email");
        expectTaken(
            failures,
            input,
            "reporter of an agent's address",
            ticket(admin, input),
            "reporterEmail");
        continue;
      }
      if (known == null && index % 2 == 0) {
        // The reporter is created by the ticket; the contact endpoint then knows the address.
        long reporter = reporter(admin, input, canonical, null, failures);
        contactOf.put(canonical, reporter);
        expect(failures, input, "contact of a reporter's address", contact(admin, input), 409);
      } else if (known == null) {
        Response contact = contact(admin, input);
        if (expect(failures, input, "contact", contact, 201)
            && !canonical.equals(contact.body().path("email").asString())) {
          failures.add(input + ": contact stored as " + contact.body().path("email"));
        }
        long id = contact.body().path("id").asLong();
        contactOf.put(canonical, id);
        reporter(admin, input, canonical, id, failures);
      } else {
        reporter(admin, input, canonical, known, failures);
      }
      // A contact has it now: an agent may not take it.
      expectTaken(
          failures, input, "agent of a contact's address", agent(admin, input, index), "email");
    }
    assertThat(agents).as("addresses first taken by an agent").hasSizeGreaterThan(10);
    System.out.println("Addresses through the API: " + accepted.size() + " accepted cases");
    assertThat(accepted).hasSizeGreaterThan(50);
    assertThat(failures).isEmpty();
  }

  /** Opens a ticket for this reporter address; its reporter must be stored canonically. */
  private static long reporter(
      HttpApi admin, String input, String canonical, Long expectedId, List<String> failures) {
    Response ticket =
        admin.post(
            "/api/tickets",
            json(Map.of("subject", "Address", "description", "Case", "reporterEmail", input)));
    if (!expect(failures, input, "ticket", ticket, 201)) {
      return -1;
    }
    if (!canonical.equals(ticket.body().path("reporterEmail").asString())) {
      failures.add(input + ": reporter stored as " + ticket.body().path("reporterEmail"));
    }
    long id = ticket.body().path("reporterId").asLong();
    if (expectedId != null && id != expectedId) {
      failures.add(input + ": reporter #" + id + " is not contact #" + expectedId);
    }
    return id;
  }

  private static Response ticket(HttpApi admin, String input) {
    return admin.post(
        "/api/tickets",
        json(Map.of("subject", "Address", "description", "Case", "reporterEmail", input)));
  }

  private static Response agent(HttpApi admin, String input, int index) {
    return admin.post(
        "/api/agents",
        json(Map.of("email", input, "displayName", "Agent " + index, "role", "AGENT")));
  }

  private static void expectTaken(
      List<String> failures, String input, String what, Response response, String field) {
    if (expect(failures, input, what, response, 409) && !field.equals(response.problemField())) {
      failures.add(input + ": " + what + " 409 names " + response.problemField());
    }
  }

  private static Response contact(HttpApi admin, String input) {
    return admin.post("/api/contacts", json(Map.of("email", input, "displayName", "Contact")));
  }

  private static boolean expect(
      List<String> failures, String input, String what, Response response, int status) {
    if (response.status() != status) {
      failures.add(
          input
              + ": "
              + what
              + " "
              + response.status()
              + " (expected "
              + status
              + ") "
              + response.body());
      return false;
    }
    return true;
  }
}
