package dev.tempodesk.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.workflows.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
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

/** Business calendars through the API, as an admin sets them up and agents read them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BusinessCalendarApiIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final String PATH = "/api/business-calendars";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired BusinessCalendars calendars;

  private HttpApi admin;
  private HttpApi agent;
  private String name;

  @BeforeEach
  void setUp() {
    TestAccounts accounts = TestAccounts.of(app);
    admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    agent = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    name = "Office " + UUID.randomUUID();
  }

  private String officeHours(String mondayExtra) {
    return """
        {"name": "%s", "zone": "Europe/Berlin",
         "hours": {"MONDAY": [{"start": "09:00", "end": "12:00"}%s],
                   "FRIDAY": [{"start": "09:00", "end": "18:00"}]},
         "holidays": ["2026-12-25"]}"""
        .formatted(name, mondayExtra);
  }

  private long created() {
    Response created =
        admin.post(PATH, officeHours(", {\"start\": \"13:00\", \"end\": \"17:00\"}"));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  @Test
  void shouldListTheBuiltInRoundTheClockCalendarFirstForEveryAgent() {
    Response list = agent.get(PATH);

    assertThat(list.status()).isEqualTo(200);
    JsonNode builtIn = list.body().get(0);
    assertThat(builtIn.get("builtIn").asBoolean()).isTrue();
    assertThat(builtIn.get("zone").asString()).isEqualTo("UTC");
    assertThat(builtIn.get("hours").get("SUNDAY").get(0).get("end").asString()).isEqualTo("24:00");
    assertThat(calendars.calendar(null)).isEqualTo(BusinessCalendar.alwaysOpen());
  }

  @Test
  void shouldCreateReadReplaceAndDeleteACalendar() {
    long id = created();

    JsonNode read = agent.get(PATH + "/" + id).body();
    assertThat(read.get("name").asString()).isEqualTo(name);
    assertThat(read.get("hours").get("MONDAY")).hasSize(2);
    assertThat(read.get("hours").get("SATURDAY")).isEmpty();
    assertThat(read.get("holidays").get(0).asString()).isEqualTo("2026-12-25");
    BusinessCalendar value = calendars.calendar(id);
    assertThat(value.addBusinessTime(Instant.parse("2026-03-06T16:55:00Z"), Duration.ofHours(1)))
        .as("Friday 17:55 Berlin + 1 business hour = Monday 09:55")
        .isEqualTo(Instant.parse("2026-03-09T08:55:00Z"));

    Response replaced = admin.put(PATH + "/" + id, officeHours(""));
    assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
    assertThat(replaced.body().get("hours").get("MONDAY")).hasSize(1);

    assertThat(admin.send("DELETE", PATH + "/" + id, "application/json", "").status())
        .isEqualTo(204);
    assertThat(agent.get(PATH + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void shouldRefuseABadCalendarWith422NamingTheField() {
    Response overlap =
        admin.post(PATH, officeHours(", {\"start\": \"11:00\", \"end\": \"10:00\"}"));

    assertThat(overlap.status()).isEqualTo(422);
    assertThat(overlap.header("Content-Type")).startsWith("application/problem+json");
    assertThat(overlap.problemField()).isEqualTo("hours.MONDAY[1].end");

    Response zone = admin.post(PATH, officeHours("").replace("Europe/Berlin", "Europe/Atlantis"));
    assertThat(zone.status()).isEqualTo(422);
    assertThat(zone.problemField()).isEqualTo("zone");

    Response holiday = admin.post(PATH, officeHours("").replace("2026-12-25", "25.12.2026"));
    assertThat(holiday.problemField()).isEqualTo("holidays[0]");

    Response closed = admin.post(PATH, "{\"name\": \"Never\", \"zone\": \"UTC\", \"hours\": {}}");
    assertThat(closed.status()).isEqualTo(422);
    assertThat(closed.problemField()).isEqualTo("hours");

    Response nameless = admin.post(PATH, officeHours("").replace(name, " "));
    assertThat(nameless.problemField()).isEqualTo("name");
  }

  @Test
  void shouldRefuseATakenNameWith409() {
    created();

    Response again = admin.post(PATH, officeHours(""));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemField()).isEqualTo("name");
  }

  @Test
  void shouldNeitherChangeNorDeleteTheBuiltInCalendar() {
    long builtIn = agent.get(PATH).body().get(0).get("id").asLong();

    Response delete = admin.send("DELETE", PATH + "/" + builtIn, "application/json", "");
    Response replace = admin.put(PATH + "/" + builtIn, officeHours(""));

    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.problemType()).isEqualTo("urn:tempodesk:problem:conflict");
    assertThat(replace.status()).isEqualTo(409);
    assertThat(agent.get(PATH + "/" + builtIn).body().get("zone").asString()).isEqualTo("UTC");
  }

  @Test
  void shouldImportHolidaysFromAnICalendarFile() {
    long id = created();

    Response imported =
        admin.send(
            "POST",
            PATH + "/" + id + "/holidays/import?from=2026-01-01&to=2026-12-31",
            "text/calendar; charset=utf-8",
            ICalendarHolidaysTest.resource("berlin-public-holidays.ics"));

    assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
    assertThat(imported.body().get("added")).hasSize(6);
    assertThat(imported.body().get("alreadyHolidays").asInt()).as("Christmas Day").isEqualTo(1);
    assertThat(imported.body().get("skipped")).hasSize(2);
    assertThat(imported.body().get("calendar").get("holidays")).hasSize(7);
    assertThat(calendars.calendar(id).isOpen(Instant.parse("2026-04-06T08:00:00Z")))
        .as("Easter Monday 10:00 Berlin")
        .isFalse();

    Response replaced =
        admin.send(
            "POST",
            PATH + "/" + id + "/holidays/import?from=2026-01-01&to=2026-12-31&replace=true",
            "text/calendar",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260704\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n");
    assertThat(replaced.body().get("calendar").get("holidays").get(0).asString())
        .isEqualTo("2026-07-04");
    assertThat(replaced.body().get("calendar").get("holidays")).hasSize(1);

    Response notICalendar =
        admin.send("POST", PATH + "/" + id + "/holidays/import", "text/calendar", "hello");
    assertThat(notICalendar.status()).isEqualTo(422);
    assertThat(notICalendar.problemField()).isEqualTo("body");
    Response backwards =
        admin.send(
            "POST",
            PATH + "/" + id + "/holidays/import?from=2027-01-01&to=2026-01-01",
            "text/calendar",
            ICalendarHolidaysTest.resource("yearly-holidays.ics"));
    assertThat(backwards.problemField()).isEqualTo("to");
  }
}
