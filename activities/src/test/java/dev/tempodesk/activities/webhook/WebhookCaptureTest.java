package dev.tempodesk.activities.webhook;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.ticket.TicketEvent.Kind;
import dev.tempodesk.workflows.webhook.WebhookEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Capture (V57's triggers on ticket_events and messages), on Postgres: which webhook events each
 * audit event kind and each message becomes, what their payload says, and that nothing is written
 * while no enabled subscription wants the type.
 */
class WebhookCaptureTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> TICKET_TYPES =
      Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wire).toList();

  /**
   * The decision for every kind, for an event that changes neither status nor assignee. A kind
   * added to {@link Kind} without a row here (and in V57's webhook_types_of) fails the test.
   */
  private static final Map<Kind, List<String>> DECIDED =
      Map.ofEntries(
          entry(Kind.CREATED, List.of("ticket.created")),
          entry(Kind.UPDATED, List.of("ticket.updated")),
          entry(Kind.RESUMED_BY_CUSTOMER, List.of("ticket.updated")),
          entry(Kind.REOPENED_BY_CUSTOMER, List.of("ticket.updated")),
          entry(Kind.PENDING_EXPIRED, List.of("ticket.updated")),
          entry(Kind.CLOSED_FOR_NO_RESPONSE, List.of("ticket.updated")),
          entry(Kind.SLA_WARNING, List.of("sla.warning")),
          entry(Kind.SLA_BREACHED, List.of("sla.breached")),
          entry(Kind.REPLIED, List.of()),
          entry(Kind.NOTE_ADDED, List.of()),
          entry(Kind.REPLY_RETRIED, List.of()),
          entry(Kind.REPLY_FAILED, List.of()),
          entry(Kind.ACKNOWLEDGEMENT_QUEUED, List.of()),
          entry(Kind.SLA_POLICY_APPLIED, List.of()),
          entry(Kind.AWAITING_REPLY, List.of()),
          entry(Kind.ROUTED, List.of()));

  @Test
  void shouldHaveADecidedMappingForEveryKindInTheDatabaseAndHere() {
    WebhookFixture db = new WebhookFixture();
    List<String> undecided = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      String[] types =
          db.dsl
              .fetchSingle("select webhook_types_of(?, '[]'::jsonb)", kind.name())
              .get(0, String[].class);
      if (types == null || !DECIDED.containsKey(kind)) {
        undecided.add(kind.name());
      } else {
        assertThat(types).as(kind.name()).containsExactlyElementsOf(DECIDED.get(kind));
      }
    }
    assertThat(undecided)
        .as("kinds without a webhook decision (V57 webhook_types_of and DECIDED)")
        .isEmpty();
  }

  @Test
  void shouldCaptureWhatEveryKindMapsToWhenEveryTypeIsSubscribed() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(TICKET_TYPES, List.of(), List.of());
    for (Kind kind : Kind.values()) {
      long ticket = db.ticket("Kind " + kind, db.support, "NORMAL");
      db.event(ticket, kind.name(), "[]");
      assertThat(db.capturedTypes(ticket))
          .as(kind.name())
          .containsExactlyElementsOf(DECIDED.get(kind));
    }
  }

  @Test
  void shouldAddClosedAndAssignedWhenTheChangeSaysSoWhoeverClosed() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(TICKET_TYPES, List.of(), List.of());
    long byAgent = db.ticket("Closed by an agent", db.support, "NORMAL");
    db.event(
        byAgent,
        "UPDATED",
        "[{\"field\":\"status\",\"from\":\"OPEN\",\"to\":\"CLOSED\"},"
            + "{\"field\":\"assignee\",\"from\":null,\"to\":\"Alice Agent (#1)\"}]");
    long bySystem = db.ticket("Closed for no response", db.support, "NORMAL");
    db.event(
        bySystem,
        "CLOSED_FOR_NO_RESPONSE",
        "[{\"field\":\"status\",\"from\":\"PENDING\",\"to\":\"CLOSED\"}]");
    long reopened = db.ticket("Reopened", db.support, "NORMAL");
    db.event(
        reopened,
        "REOPENED_BY_CUSTOMER",
        "[{\"field\":\"status\",\"from\":\"CLOSED\",\"to\":\"OPEN\"}]");

    assertThat(db.capturedTypes(byAgent))
        .containsExactly("ticket.updated", "ticket.closed", "ticket.assigned");
    assertThat(db.capturedTypes(bySystem)).containsExactly("ticket.updated", "ticket.closed");
    assertThat(db.capturedTypes(reopened)).containsExactly("ticket.updated");
  }

  @Test
  void shouldCaptureNothingWithoutAnEnabledSubscriptionThatWantsTheType() {
    WebhookFixture db = new WebhookFixture();
    long ticket = db.ticket("Nobody listens", db.support, "NORMAL");
    db.event(ticket, "CREATED", "[]");
    db.message(ticket, "INBOUND", "PUBLIC", null, "Hello");
    long disabled = db.subscription(TICKET_TYPES, List.of(), List.of());
    db.dsl.execute("update webhook_subscriptions set enabled = false where id = ?", disabled);
    db.event(ticket, "UPDATED", "[]");
    db.subscription(List.of("sla.breached"), List.of(), List.of());
    db.event(ticket, "SLA_WARNING", "[]");
    db.event(ticket, "UPDATED", "[]");

    assertThat(db.events()).isEmpty();

    db.event(ticket, "SLA_BREACHED", "[]");
    assertThat(db.capturedTypes(ticket)).containsExactly("sla.breached");
  }

  @Test
  void shouldCaptureTheTicketAndTheChangeInThePayload() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(List.of("ticket.updated"), List.of(), List.of());
    long ticket = db.ticket("VPN drops every hour", db.support, "HIGH");
    db.event(ticket, "UPDATED", "[{\"field\":\"priority\",\"from\":\"NORMAL\",\"to\":\"HIGH\"}]");

    var row = db.events().getFirst();
    JsonNode payload = JSON.readTree(row.get("payload").toString());
    assertThat(row.get("group_id", Long.class)).isEqualTo(db.support);
    assertThat(row.get("priority", String.class)).isEqualTo("HIGH");
    assertThat(row.get("source_key", String.class)).startsWith("ticket-event:");
    JsonNode t = payload.get("ticket");
    assertThat(t.get("number").asLong()).isEqualTo(ticket);
    assertThat(t.get("subject").asString()).isEqualTo("VPN drops every hour");
    assertThat(t.get("status").asString()).isEqualTo("OPEN");
    assertThat(t.get("priority").asString()).isEqualTo("HIGH");
    assertThat(t.get("group").get("id").asLong()).isEqualTo(db.support);
    assertThat(t.get("group").get("name").asString()).startsWith("Support");
    assertThat(t.get("assignee").get("name").asString()).isEqualTo("Alice Agent");
    assertThat(t.get("reporterEmail").asString()).isEqualTo("carla@acme.example");
    assertThat(t.get("tags").toString()).isEqualTo("[\"vpn\",\"vip\"]");
    JsonNode change = payload.get("change");
    assertThat(change.get("kind").asString()).isEqualTo("UPDATED");
    assertThat(change.get("actor").get("name").asString()).isEqualTo("Alice Agent");
    assertThat(change.get("comment").asString()).isEqualTo("because");
    assertThat(change.get("changes").get(0).get("to").asString()).isEqualTo("HIGH");
  }

  @Test
  void shouldCaptureCustomerMessagesAndSentRepliesButNeverInternalNotes() {
    WebhookFixture db = new WebhookFixture();
    db.subscription(List.of("message.received", "message.sent"), List.of(), List.of());
    long ticket = db.ticket("Messages", db.support, "NORMAL");
    db.message(ticket, "INBOUND", "PUBLIC", null, "My VPN drops. ".repeat(100));
    db.message(ticket, "OUTBOUND", "INTERNAL", null, "Internal: the customer owes us money");
    var reply = db.message(ticket, "OUTBOUND", "PUBLIC", "QUEUED", "We are on it");

    assertThat(db.capturedTypes(ticket)).containsExactly("message.received");

    db.dsl.execute("update messages set delivery_status = 'SENT' where id = ?", reply);
    db.dsl.execute("update messages set delivery_status = 'SENT' where id = ?", reply);
    assertThat(db.capturedTypes(ticket)).containsExactly("message.received", "message.sent");

    List<String> payloads = db.events().stream().map(row -> row.get("payload").toString()).toList();
    assertThat(payloads).noneMatch(payload -> payload.contains("owes us money"));
    JsonNode received = JSON.readTree(payloads.get(0)).get("message");
    assertThat(received.get("from").asString()).isEqualTo("carla@acme.example");
    assertThat(received.get("excerpt").asString()).hasSize(500).startsWith("My VPN drops.");
    JsonNode sent = JSON.readTree(payloads.get(1)).get("message");
    assertThat(sent.get("excerpt").asString()).isEqualTo("We are on it");
    assertThat(sent.get("from").asString()).isEqualTo("alice@tempodesk.dev");
  }
}
