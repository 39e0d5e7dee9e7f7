package dev.tempodesk.api.ticket;

import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.Eventually;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * {@code GET /api/tickets/export}: the list's filter as CSV through HTTP, a few thousand rows; the
 * response streams while the query still runs (the rows are not gathered first), and a client that
 * goes away mid-way ends the query. Also {@code GET /api/tickets/{number}/export}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tempodesk.export.fetch-size=100")
@ActiveProfiles("test")
class TicketExportApiTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();
  private static final int BULK = 3_000;

  /** About 8 kB a row: 24 MB in all, more than the sockets between client and server buffer. */
  private static final String FILLER = "lorem ipsum ".repeat(700);

  /**
   * The app's sessions in a transaction whose last query reads ticket rows: the export's cursor
   * while it is open. (pg_stat_activity keeps the first 1 kB of a query: its select list.)
   */
  private static final String EXPORT_QUERY =
      "select count(*) from pg_stat_activity where xact_start is not null"
          + " and query like 'select %\"public\".\"tickets\".\"subject\"%'"
          + " and pid <> pg_backend_pid()";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ContactRepository contacts;
  @Autowired DSLContext dsl;
  @Autowired ApplicationContext app;

  private HttpApi api;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    api = TestAccounts.signIn(port, TestAccounts.of(app).agent("MANAGER").getEmail());
    String unique = UUID.randomUUID().toString().substring(0, 8);
    carla =
        contacts.findOrCreate("carla-" + unique + "@example.com", "Carla, \"CC\" " + unique, null);
  }

  @Test
  void shouldExportTheFilteredListAsQuotedGuardedUtf8Csv() {
    long tricky = insert("He said \"hi\", then\r\nleft", "URGENT", "NEW");
    long formula = insert("=HYPERLINK(\"http://evil.example\")", "URGENT", "NEW");
    long minus = insert("-5 EUR refund", "URGENT", "NEW");
    long at = insert("@SUM(A1)", "URGENT", "CLOSED");
    long accents = insert("Grüße aus Köln — 東京", "URGENT", "NEW");
    long low = insert("Not urgent", "LOW", "NEW");

    HttpResponse<byte[]> response =
        api.getBytes(
            "/api/tickets/export?priority=URGENT&includeDone=true&sort=CREATED&reporterId="
                + carla.getId());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/csv;")
        .contains("charset=UTF-8");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .matches("attachment; filename=\"tickets-\\d{8}-\\d{4}\\.csv\"");
    List<List<String>> rows = parse(new String(response.body(), StandardCharsets.UTF_8));
    assertThat(rows.getFirst()).containsExactlyElementsOf(TicketExports.COLUMNS);
    List<List<String>> tickets = rows.subList(1, rows.size());
    // Newest first (sort=CREATED), as the list would show them; the LOW one is filtered out.
    assertThat(tickets)
        .extracting(row -> Long.parseLong(row.getFirst()))
        .containsExactly(accents, at, minus, formula, tricky)
        .doesNotContain(low);
    assertThat(cell(tickets, tricky, "subject")).isEqualTo("He said \"hi\", then\r\nleft");
    assertThat(cell(tickets, formula, "subject")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(cell(tickets, minus, "subject")).isEqualTo("'-5 EUR refund");
    assertThat(cell(tickets, at, "subject")).isEqualTo("'@SUM(A1)");
    assertThat(cell(tickets, at, "status")).isEqualTo("CLOSED");
    assertThat(cell(tickets, accents, "subject")).isEqualTo("Grüße aus Köln — 東京");
    assertThat(cell(tickets, accents, "reporter_name")).isEqualTo(carla.getDisplayName());
    assertThat(cell(tickets, accents, "reporter_email")).isEqualTo(carla.getEmail());
    assertThat(cell(tickets, accents, "group")).isEqualTo("Support");
    assertThat(cell(tickets, accents, "created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void shouldRefuseABadFilterAsTheListDoes() {
    for (String bad :
        List.of(
            "channel=FAX",
            "createdFrom=2031-13-01",
            "createdFrom=2031-06-03&createdTo=2031-06-01",
            "organizationId=acme",
            "unassigned=maybe",
            "status=SOLVED",
            "text=" + "x".repeat(201))) {
      Response list = api.get("/api/tickets?" + bad);
      Response export = api.get("/api/tickets/export?" + bad);
      assertThat(list.status()).as(bad).isEqualTo(400);
      assertThat(export.status()).as(export.body().toString()).isEqualTo(400);
      assertThat(export.problemField()).as(bad).isEqualTo(list.problemField());
    }
  }

  @Test
  void shouldStreamThousandsOfRowsWhileTheQueryRuns() throws IOException {
    bulk(BULK);
    HttpResponse<InputStream> response =
        api.stream("/api/tickets/export?includeDone=true&reporterId=" + carla.getId());
    assertThat(response.statusCode()).isEqualTo(200);
    try (BufferedReader body =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      assertThat(body.readLine()).startsWith("number,subject,status");
      assertThat(body.readLine()).contains(FILLER.strip());
      // The first rows are here while the export's query is still open in its transaction.
      assertThat(exportQueries()).isEqualTo(1);
      int rows = 1;
      while (body.readLine() != null) {
        rows++;
      }
      assertThat(rows).isEqualTo(BULK);
    }
    Eventually.await(() -> exportQueries() == 0);
  }

  @Test
  void shouldStopTheQueryWhenTheClientGoesAway() throws IOException {
    bulk(BULK);
    HttpResponse<InputStream> response =
        api.stream("/api/tickets/export?includeDone=true&reporterId=" + carla.getId());
    InputStream body = response.body();
    body.readNBytes(20_000);
    assertThat(exportQueries()).isEqualTo(1);

    body.close();

    Eventually.await(() -> exportQueries() == 0);
  }

  @Test
  void shouldExportOneTicketWithItsThreadAndAuditAsJson() {
    Response created =
        api.post(
            "/api/tickets",
            HttpApi.json(
                java.util.Map.of(
                    "subject", "Printer on fire",
                    "description", "Smoke from tray 2",
                    "reporterId", carla.getId(),
                    "channel", "PHONE",
                    "priority", "HIGH")));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long number = created.body().get("number").asLong();
    Response noted =
        api.post("/api/tickets/" + number + "/notes", "{\"body\": \"Called facilities\"}");
    assertThat(noted.status()).as(noted.body().toString()).isLessThan(300);

    Response export = api.get("/api/tickets/" + number + "/export");

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"ticket-" + number + ".json\"");
    JsonNode body = export.body();
    assertThat(body.get("ticket").get("subject").asString()).isEqualTo("Printer on fire");
    List<String> messages = new ArrayList<>();
    body.get("messages").forEach(m -> messages.add(m.path("bodyText").asString("")));
    assertThat(messages).anyMatch(text -> text.contains("Smoke from tray 2"));
    assertThat(messages).anyMatch(text -> text.contains("Called facilities"));
    List<String> kinds = new ArrayList<>();
    body.get("events").forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds).contains("CREATED");
    assertThat(api.get("/api/tickets/987654321/export").status()).isEqualTo(404);
  }

  /** Transactions of the app reading the tickets table (the export's cursor, while it is open). */
  private int exportQueries() {
    return ((Number) dsl.fetchValue(EXPORT_QUERY)).intValue();
  }

  private long insert(String subject, String priority, String status) {
    long number =
        dsl.insertInto(TICKETS)
            .set(TICKETS.NUMBER, dsl.nextval(dev.tempodesk.db.jooq.Sequences.TICKET_NUMBERS))
            .set(TICKETS.SUBJECT, subject)
            .set(TICKETS.STATUS, status)
            .set(TICKETS.PRIORITY, priority)
            .set(TICKETS.REPORTER_ID, carla.getId())
            .set(TICKETS.CHANNEL, "EMAIL")
            .set(TICKETS.RESOLUTION, status.equals("CLOSED") ? "SOLVED" : null)
            .set(TICKETS.CLOSED_AT, status.equals("CLOSED") ? OffsetDateTime.now() : null)
            .set(TICKETS.SLA_SORT_KEY, Long.MAX_VALUE)
            .set(TICKETS.VERSION, 1L)
            .set(TICKETS.CREATED_AT, OffsetDateTime.now())
            .set(TICKETS.UPDATED_AT, OffsetDateTime.now())
            .returning(TICKETS.NUMBER)
            .fetchOne()
            .getNumber();
    // Distinct creation times, in the order of insertion.
    dsl.execute(
        "update tickets set created_at = now() + make_interval(secs => ?) where number = ?",
        number,
        number);
    return number;
  }

  private void bulk(int count) {
    dsl.execute(
        """
        insert into tickets (number, subject, status, priority, reporter_id, channel,
                             sla_sort_key, version, created_at, updated_at)
        select nextval('ticket_numbers'), 'Bulk ' || i || ' ' || ?, 'NEW', 'NORMAL', ?, 'EMAIL',
               i, 1, now(), now()
        from generate_series(1, ?) as i
        """,
        FILLER,
        carla.getId(),
        count);
  }

  private static String cell(List<List<String>> rows, long number, String column) {
    int index = TicketExports.COLUMNS.indexOf(column);
    return rows.stream()
        .filter(row -> row.getFirst().equals(Long.toString(number)))
        .findFirst()
        .orElseThrow()
        .get(index);
  }

  /** An RFC 4180 reader, strict: rows end with CRLF, quotes only around a whole cell. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (c == '"' && cell.isEmpty()) {
        i++;
        while (true) {
          char q = csv.charAt(i++);
          if (q == '"') {
            if (i < csv.length() && csv.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(q);
          }
        }
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        i++;
      } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else {
        assertThat(c).as("a bare CR, LF or quote at " + i).isNotIn('\r', '\n', '"');
        cell.append(c);
        i++;
      }
    }
    assertThat(row).as("the last row ends with CRLF").isEmpty();
    return rows;
  }
}
