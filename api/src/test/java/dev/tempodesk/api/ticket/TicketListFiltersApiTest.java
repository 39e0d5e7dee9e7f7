package dev.tempodesk.api.ticket;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code GET /api/tickets} with the issue-20 filters (mailbox, channel, organization, reporter,
 * created and updated ranges) and the PRIORITY order; their validation (400 naming the field); a
 * saved view keeping them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TicketListFiltersApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ContactRepository contacts;
  @Autowired OrganizationRepository organizations;
  @Autowired DSLContext dsl;
  @Autowired ApplicationContext app;

  private HttpApi api;
  private String unique;
  private long acme;
  private ContactsRecord carla;
  private ContactsRecord walkIn;

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    unique = UUID.randomUUID().toString().substring(0, 8);
    acme = organizations.insert("Acme " + unique, null).getId();
    carla = contacts.findOrCreate("carla-" + unique + "@example.com", "Carla " + unique, acme);
    walkIn = contacts.findOrCreate("walk-in-" + unique + "@example.com", "Walk " + unique, null);
  }

  @Test
  void shouldFilterByMailboxChannelOrganizationAndReporter() {
    long support = mailbox("support-" + unique);
    long sales = mailbox("sales-" + unique);
    long phoned = create(carla, "PHONE", "NORMAL");
    long mailed = create(carla, "EMAIL", "NORMAL");
    long walkedIn = create(walkIn, "AGENT", "NORMAL");
    setMailbox(mailed, support);
    setMailbox(walkedIn, sales);
    String mine = "&reporterId=" + carla.getId();

    assertThat(numbers("/api/tickets?mailboxId=" + support)).containsExactly(mailed);
    assertThat(numbers("/api/tickets?mailboxId=" + support + "&mailboxId=" + sales))
        .containsExactlyInAnyOrder(mailed, walkedIn);
    assertThat(numbers("/api/tickets?mailboxId=" + (sales + 1000))).isEmpty();
    assertThat(numbers("/api/tickets?channel=PHONE,EMAIL" + mine))
        .containsExactlyInAnyOrder(phoned, mailed);
    assertThat(numbers("/api/tickets?channel=AGENT" + mine)).isEmpty();
    assertThat(numbers("/api/tickets?organizationId=" + acme))
        .containsExactlyInAnyOrder(phoned, mailed);
    assertThat(numbers("/api/tickets?reporterId=" + walkIn.getId())).containsExactly(walkedIn);
  }

  @Test
  void shouldFilterByCreationDayInclusiveAndInstantExclusive() {
    long lateOnTheFirst = create(carla, "PHONE", "NORMAL");
    long onTheSecond = create(carla, "PHONE", "NORMAL");
    long onTheThird = create(carla, "PHONE", "NORMAL");
    setCreated(lateOnTheFirst, "2031-06-01T23:59:59Z");
    setCreated(onTheSecond, "2031-06-02T00:00:00Z");
    setCreated(onTheThird, "2031-06-03T12:00:00Z");
    String mine = "&reporterId=" + carla.getId();

    assertThat(numbers("/api/tickets?createdFrom=2031-06-01&createdTo=2031-06-01" + mine))
        .containsExactly(lateOnTheFirst);
    assertThat(numbers("/api/tickets?createdFrom=2031-06-02" + mine))
        .containsExactlyInAnyOrder(onTheSecond, onTheThird);
    assertThat(
            numbers(
                "/api/tickets?createdFrom=2031-06-01T23:00:00Z&createdTo=2031-06-02T00:00:00Z"
                    + mine))
        .containsExactly(lateOnTheFirst);
    // An offset is honoured: 02:00 at +02:00 is midnight UTC.
    assertThat(numbers("/api/tickets?createdTo=2031-06-02T02:00:00%2B02:00" + mine))
        .containsExactly(lateOnTheFirst);
    assertThat(numbers("/api/tickets?updatedFrom=2020-01-01" + mine)).hasSize(3);
    assertThat(numbers("/api/tickets?updatedTo=2020-01-01" + mine)).isEmpty();
  }

  @Test
  void shouldListUrgentFirstAndPageThroughPriorityWithoutRepeats() {
    // One per priority: the order is the priorities' whatever the SLA deadlines come to be.
    long low = create(carla, "PHONE", "LOW");
    long urgent = create(carla, "PHONE", "URGENT");
    long normal = create(carla, "PHONE", "NORMAL");
    long high = create(carla, "PHONE", "HIGH");

    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      Response page =
          api.get(
              "/api/tickets?sort=PRIORITY&limit=1&reporterId="
                  + carla.getId()
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
      page.body().get("items").forEach(item -> seen.add(item.get("number").asLong()));
      cursor =
          page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asString();
    } while (cursor != null && seen.size() < 10);

    assertThat(seen).containsExactly(urgent, high, normal, low);
  }

  @Test
  void shouldRefuseMalformedOrEmptyRangesNamingTheField() {
    assertRefused(
        api.get("/api/tickets?createdFrom=2031-06-03&createdTo=2031-06-01"), "createdFrom");
    assertRefused(
        api.get("/api/tickets?updatedFrom=2031-06-01T10:00:00Z&updatedTo=2031-06-01T09:00:00Z"),
        "updatedFrom");
    assertRefused(api.get("/api/tickets?updatedTo=yesterday"), "updatedTo");
    assertRefused(api.get("/api/tickets?createdFrom=2031-13-01"), "createdFrom");
    assertRefused(api.get("/api/tickets?createdFrom=2031-06-01T10:00:00"), "createdFrom");
    assertRefused(api.get("/api/tickets?channel=FAX"), "channel");
    assertRefused(api.get("/api/tickets?mailboxId=support"), "mailboxId");
    assertRefused(api.get("/api/tickets?organizationId=acme"), "organizationId");
  }

  @Test
  void shouldKeepTheNewFiltersInASavedViewAndRefuseAnEmptyRange() {
    Map<String, Object> params = new HashMap<>();
    params.put("mailboxId", List.of(7));
    params.put("channel", List.of("EMAIL", "PORTAL"));
    params.put("organizationId", List.of(acme));
    params.put("reporterId", carla.getId());
    params.put("createdFrom", "2031-06-01");
    params.put("updatedTo", "2031-06-30T00:00:00Z");
    params.put("sort", "PRIORITY");
    Response saved =
        api.post("/api/views", json(Map.of("name", "Filtered " + unique, "params", params)));
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);

    JsonNode stored = api.get("/api/views/" + saved.body().get("id").asString()).body();
    assertThat(stored.get("params").get("channel").toString()).isEqualTo("[\"EMAIL\",\"PORTAL\"]");
    assertThat(stored.get("params").get("reporterId").asLong()).isEqualTo(carla.getId());
    assertThat(stored.get("params").get("createdFrom").asString()).isEqualTo("2031-06-01");
    assertThat(stored.get("params").get("sort").asString()).isEqualTo("PRIORITY");

    Response empty =
        api.post(
            "/api/views",
            json(
                Map.of(
                    "name",
                    "Nothing " + unique,
                    "params",
                    Map.of("updatedFrom", "2031-06-02", "updatedTo", "2031-06-01"))));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.problemField()).isEqualTo("params.updatedFrom");
  }

  private static void assertRefused(Response response, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
    assertThat(response.problemField()).as(response.body().toString()).isEqualTo(field);
  }

  private long create(ContactsRecord reporter, String channel, String priority) {
    Response created =
        api.post(
            "/api/tickets",
            json(
                Map.of(
                    "subject",
                    "Filtered " + unique,
                    "description",
                    "Body",
                    "reporterId",
                    reporter.getId(),
                    "channel",
                    channel,
                    "priority",
                    priority)));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("number").asLong();
  }

  private long mailbox(String name) {
    return dsl.insertInto(MAILBOXES)
        .set(MAILBOXES.GRANT_ID, name)
        .set(MAILBOXES.EMAIL, name + "@tempodesk.dev")
        .returning(MAILBOXES.ID)
        .fetchOne()
        .getId();
  }

  private void setMailbox(long number, long mailboxId) {
    dsl.update(TICKETS)
        .set(TICKETS.MAILBOX_ID, mailboxId)
        .where(TICKETS.NUMBER.eq(number))
        .execute();
  }

  private void setCreated(long number, String at) {
    dsl.update(TICKETS)
        .set(TICKETS.CREATED_AT, OffsetDateTime.parse(at))
        .where(TICKETS.NUMBER.eq(number))
        .execute();
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
