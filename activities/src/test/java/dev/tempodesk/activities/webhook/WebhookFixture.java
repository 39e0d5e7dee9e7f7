package dev.tempodesk.activities.webhook;

import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** A fresh database with a customer, an agent, two groups and helpers to write what happens. */
final class WebhookFixture {
  final TestJooq jooq;
  final DSLContext dsl;
  final long contactId;
  final long agentId;
  final long support;
  final long billing;

  WebhookFixture() {
    jooq = TestJooq.over(TestDatabases.fresh().dataSource());
    dsl = jooq.dsl();
    contactId =
        dsl.fetchSingle(
                "insert into contacts (email, display_name) values ('carla@acme.example', 'Carla')"
                    + " returning id")
            .get(0, Long.class);
    agentId =
        dsl.fetchSingle(
                "insert into agents (email, display_name, role) values ('alice@tempodesk.dev',"
                    + " 'Alice Agent', 'AGENT') returning id")
            .get(0, Long.class);
    support = group("Support");
    billing = group("Billing");
  }

  long group(String name) {
    return dsl.fetchSingle(
            "insert into groups (name) values (?) returning id", name + " " + UUID.randomUUID())
        .get(0, Long.class);
  }

  long subscription(List<String> types, List<Long> groups, List<String> priorities) {
    return dsl.fetchSingle(
            "insert into webhook_subscriptions (name, url, secret, event_types, group_ids, priorities)"
                + " values ('hook', 'https://hooks.example/in', 'a-secret-of-16-chars-or-more', ?, ?, ?)"
                + " returning id",
            types.toArray(String[]::new),
            groups.toArray(Long[]::new),
            priorities.toArray(String[]::new))
        .get(0, Long.class);
  }

  long ticket(String subject, long groupId, String priority) {
    long number = dsl.fetchSingle("select nextval('ticket_numbers')").get(0, Long.class);
    dsl.execute(
        "insert into tickets (number, subject, status, priority, assignee_id, reporter_id, channel,"
            + " created_at, updated_at, group_id, tags) values (?, ?, 'OPEN', ?, ?, ?, 'EMAIL',"
            + " now(), now(), ?, array['vpn', 'vip'])",
        number,
        subject,
        priority,
        agentId,
        contactId,
        groupId);
    return number;
  }

  /** Writes an audit event as the ticket store does; {@code changes} is the JSON array. */
  UUID event(long ticket, String kind, String changes) {
    UUID id = UUID.randomUUID();
    dsl.execute(
        "insert into ticket_events (id, ticket_number, ticket_version, kind, actor_kind, actor_id,"
            + " actor_name, comment, changes, occurred_at) values (?, ?, 1, ?, 'AGENT', ?,"
            + " 'Alice Agent', 'because', ?::jsonb, now())",
        id,
        ticket,
        kind,
        agentId,
        changes);
    return id;
  }

  UUID message(
      long ticket, String direction, String visibility, String deliveryStatus, String body) {
    UUID id = UUID.randomUUID();
    dsl.execute(
        "insert into messages (id, ticket_number, direction, visibility, author_contact_id,"
            + " author_agent_id, from_address, subject, body_text, delivery_status, occurred_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, 'Re: VPN', ?, ?, now())",
        id,
        ticket,
        direction,
        visibility,
        direction.equals("INBOUND") ? contactId : null,
        direction.equals("INBOUND") ? null : agentId,
        direction.equals("INBOUND") ? "carla@acme.example" : null,
        body,
        deliveryStatus);
    return id;
  }

  List<String> capturedTypes(long ticket) {
    return dsl.fetch("select type from webhook_events where ticket_number = ? order by id", ticket)
        .getValues(0, String.class);
  }

  List<Record> events() {
    return dsl.fetch("select * from webhook_events order by id");
  }
}
