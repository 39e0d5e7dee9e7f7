package dev.tempodesk.activities.stats;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import dev.tempodesk.db.stats.StatsRepository;
import dev.tempodesk.db.testing.TestJooq;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fixed day of five tickets on 2026-03-02 (UTC), written as rows and audit events the way the
 * ticket workflow writes them. The hand computation of their figures is in {@code
 * StatsFiguresIntegrationTest}.
 *
 * <pre>
 * 1001 created 09:00 NEW; 09:10 assigned Ann (OPEN); first response 09:20; 09:30 PENDING;
 *      10:00 pending expired (OPEN); 10:20 CLOSED
 * 1002 created 10:05 OPEN for Bob; first response 10:15; 10:35 CLOSED; 11:30 reopened; 11:50 CLOSED
 * 1003 created 08:00 NEW; 08:05 assigned Bob; 09:00 resolve SLA breached; 10:40 CLOSED
 * 1004 created 10:50 NEW, untouched
 * 1005 created 10:10 NEW; 10:15 assigned Ann; first response 10:25; 10:30 PENDING (CLOSE);
 *      10:45 closed for no response
 * </pre>
 */
final class StatsFixtures {
  static final OffsetDateTime DAY = OffsetDateTime.of(2026, 3, 2, 0, 0, 0, 0, ZoneOffset.UTC);

  private final DSLContext dsl;
  long ann;
  long bob;
  private long contact;
  private long version;

  StatsFixtures(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The stats activities over the test database, at midnight after the fixed day. */
  static StatsActivitiesImpl activities(TestJooq jooq) {
    return new StatsActivitiesImpl(
        new StatsRepository(jooq.dsl()),
        jooq.transactions(),
        JsonMapper.builder().build(),
        Clock.fixed(Instant.parse("2026-03-03T00:00:00Z"), ZoneOffset.UTC));
  }

  static Instant at(String time) {
    return DAY.toLocalDate().atTime(java.time.LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
  }

  StatsFixtures insert() {
    people();

    ticket(1001, "09:00", "CLOSED", ann, "09:20");
    event(1001, "CREATED", "09:00");
    event(1001, "UPDATED", "09:10", status("NEW", "OPEN"), assignee(null, "Ann", ann));
    event(1001, "UPDATED", "09:30", status("OPEN", "PENDING"));
    event(1001, "PENDING_EXPIRED", "10:00", status("PENDING", "OPEN"));
    event(1001, "UPDATED", "10:20", status("OPEN", "CLOSED"));

    ticket(1002, "10:05", "CLOSED", bob, "10:15");
    event(1002, "CREATED", "10:05");
    event(1002, "UPDATED", "10:35", status("OPEN", "CLOSED"));
    event(1002, "REOPENED_BY_CUSTOMER", "11:30", status("CLOSED", "OPEN"));
    event(1002, "UPDATED", "11:50", status("OPEN", "CLOSED"));

    ticket(1003, "08:00", "CLOSED", bob, null);
    event(1003, "CREATED", "08:00");
    event(1003, "UPDATED", "08:05", status("NEW", "OPEN"), assignee(null, "Bob", bob));
    event(
        1003,
        "SLA_BREACHED",
        "09:00",
        "{\"field\":\"resolveBreached\",\"from\":\"false\",\"to\":\"true\"}");
    event(1003, "UPDATED", "10:40", status("OPEN", "CLOSED"));

    ticket(1004, "10:50", "NEW", null, null);
    event(1004, "CREATED", "10:50");

    ticket(1005, "10:10", "CLOSED", ann, "10:25");
    event(1005, "CREATED", "10:10");
    event(1005, "UPDATED", "10:15", status("NEW", "OPEN"), assignee(null, "Ann", ann));
    event(1005, "UPDATED", "10:30", status("OPEN", "PENDING"));
    event(1005, "CLOSED_FOR_NO_RESPONSE", "10:45", status("PENDING", "CLOSED"));
    return this;
  }

  /** The agents Ann and Bob and the customer Carla, without tickets. */
  StatsFixtures people() {
    ann = agent("ann@tempodesk.test", "Ann");
    bob = agent("bob@tempodesk.test", "Bob");
    contact =
        dsl.insertInto(CONTACTS)
            .set(CONTACTS.EMAIL, "carla@customer.test")
            .set(CONTACTS.DISPLAY_NAME, "Carla")
            .returning(CONTACTS.ID)
            .fetchSingle()
            .getId();
    return this;
  }

  private long agent(String email, String name) {
    return dsl.insertInto(AGENTS)
        .set(AGENTS.EMAIL, email)
        .set(AGENTS.DISPLAY_NAME, name)
        .set(AGENTS.ROLE, "AGENT")
        .returning(AGENTS.ID)
        .fetchSingle()
        .getId();
  }

  void ticket(long number, String created, String status, Long assignee, String firstResponse) {
    dsl.insertInto(TICKETS)
        .set(TICKETS.NUMBER, number)
        .set(TICKETS.SUBJECT, "Ticket " + number)
        .set(TICKETS.STATUS, status)
        .set(TICKETS.PRIORITY, "NORMAL")
        .set(TICKETS.ASSIGNEE_ID, assignee)
        .set(TICKETS.REPORTER_ID, contact)
        .set(TICKETS.CHANNEL, "EMAIL")
        .set(TICKETS.RESOLUTION, "CLOSED".equals(status) ? "SOLVED" : null)
        .set(TICKETS.CREATED_AT, utc(created))
        .set(TICKETS.FIRST_RESPONSE_AT, firstResponse == null ? null : utc(firstResponse))
        .set(TICKETS.UPDATED_AT, utc(created))
        .execute();
  }

  void event(long ticket, String kind, String time, String... changes) {
    eventBy(null, ticket, kind, time, changes);
  }

  /** An audit event by an agent, or by the system when {@code agent} is null. */
  void eventBy(Long agent, long ticket, String kind, String time, String... changes) {
    dsl.insertInto(TICKET_EVENTS)
        .set(TICKET_EVENTS.ID, UUID.nameUUIDFromBytes((ticket + kind + time).getBytes()))
        .set(TICKET_EVENTS.TICKET_NUMBER, ticket)
        .set(TICKET_EVENTS.TICKET_VERSION, ++version)
        .set(TICKET_EVENTS.KIND, kind)
        .set(TICKET_EVENTS.ACTOR_KIND, agent == null ? "SYSTEM" : "AGENT")
        .set(TICKET_EVENTS.ACTOR_ID, agent)
        .set(TICKET_EVENTS.ACTOR_NAME, agent == null ? "Tempodesk" : "Agent #" + agent)
        .set(TICKET_EVENTS.CHANGES, JSONB.valueOf("[" + String.join(",", changes) + "]"))
        .set(TICKET_EVENTS.OCCURRED_AT, utc(time))
        .execute();
  }

  /** A message from the customer, as the email sync or the portal stores it. */
  void customerWrites(long ticket, String time) {
    dsl.insertInto(MESSAGES)
        .set(MESSAGES.ID, UUID.nameUUIDFromBytes((ticket + "message" + time).getBytes()))
        .set(MESSAGES.TICKET_NUMBER, ticket)
        .set(MESSAGES.DIRECTION, "INBOUND")
        .set(MESSAGES.AUTHOR_CONTACT_ID, contact)
        .set(MESSAGES.BODY_TEXT, "Any news?")
        .set(MESSAGES.OCCURRED_AT, utc(time))
        .execute();
  }

  /** The audit change an SLA breach of {@code flag} (e.g. firstResponseBreached) records. */
  static String breached(String flag) {
    return "{\"field\":\"%s\",\"from\":\"false\",\"to\":\"true\"}".formatted(flag);
  }

  /** The change of the REPLIED event that answers first. */
  static String firstResponseAt(String time) {
    return "{\"field\":\"firstResponseAt\",\"from\":null,\"to\":\"%s\"}".formatted(at(time));
  }

  static String status(String from, String to) {
    return "{\"field\":\"status\",\"from\":\"%s\",\"to\":\"%s\"}".formatted(from, to);
  }

  static String assignee(String from, String name, long id) {
    return "{\"field\":\"assignee\",\"from\":%s,\"to\":\"%s (#%d)\"}"
        .formatted(from == null ? "null" : "\"" + from + "\"", name, id);
  }

  static OffsetDateTime utc(String time) {
    return at(time).atOffset(ZoneOffset.UTC);
  }
}
