package dev.tempodesk.api.ticket;

import static dev.tempodesk.api.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** {@code GET /api/tickets} with {@code text} and {@code sort}: what is searched, in what order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketSearchApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ContactRepository contacts;
  @Autowired ApplicationContext app;

  private HttpApi api;
  private ContactsRecord carla;
  private String unique;

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
    carla = contacts.findOrCreate("carla-" + unique + "@example.com", "Carla " + unique, null);
  }

  @Test
  void shouldFindTicketsByTheirMessagesBestMatchFirst() {
    String word = "walrus" + unique;
    long bodyOnly = create("Printer jammed", "Order " + word + " jammed the printer.");
    long both = create("About " + word, "Still about " + word + ".");
    create("Unrelated", "Nothing to see.");

    assertThat(numbers("/api/tickets?text=" + word)).containsExactly(both, bodyOnly);
    assertThat(numbers("/api/tickets?sort=URGENCY&text=" + word))
        .containsExactly(bodyOnly, both); // created first, due first
    assertThat(numbers("/api/tickets?text=Carla+" + unique)).hasSize(3);
  }

  @Test
  void shouldPageThroughTheNewestTicketsFirstAndRefuseACursorOfAnotherOrder() {
    String word = "okapi" + unique;
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(word + " " + i, "Body " + i));
    }

    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          api.get(
              "/api/tickets?sort=CREATED&limit=2&text="
                  + word
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      page.body().get("items").forEach(item -> seen.add(item.get("number").asLong()));
      cursor =
          page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asString();
      if (cursor != null) {
        Response mixed = api.get("/api/tickets?sort=UPDATED&text=" + word + "&cursor=" + cursor);
        assertThat(mixed.status()).isEqualTo(422); // as any cursor not of this list
        assertThat(mixed.body().toString()).contains("cursor").contains("CREATED");
      }
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(created.reversed());
  }

  @Test
  void shouldRefuseAnUnknownOrder() {
    Response response = api.get("/api/tickets?sort=SIDEWAYS");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().toString()).contains("sort");
  }

  private long create(String subject, String description) {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject", subject, "description", description, "reporterId", carla.getId())));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private List<Long> numbers(String path) {
    Response response = api.get(path);
    assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    List<Long> numbers = new ArrayList<>();
    for (JsonNode item : response.body().get("items")) {
      numbers.add(item.get("number").asLong());
    }
    return numbers;
  }
}
