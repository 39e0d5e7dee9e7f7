package dev.tempodesk.activities.webhook;

import dev.tempodesk.db.jooq.tables.records.WebhookEventsRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of an event's posts (docs/webhooks.md): {@code id}, {@code type}, {@code
 * occurredAt}, a one-line {@code text} (what a Slack incoming webhook shows) and {@code data}, the
 * event's payload. Made from the event row alone, so every attempt and every redelivery posts the
 * same bytes.
 */
public final class WebhookBody {
  private WebhookBody() {}

  /** {@code evt_<id>}: the body's id, the event id header and the Idempotency-Key. */
  public static String eventId(long id) {
    return "evt_" + id;
  }

  public static byte[] of(WebhookEventsRecord event, JsonMapper json) {
    JsonNode data = json.readTree(event.getPayload().data());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", eventId(event.getId()));
    body.put("type", event.getType());
    body.put("occurredAt", event.getOccurredAt().toInstant().toString());
    body.put("text", text(event.getType(), event.getTicketNumber(), data));
    body.put("data", data);
    return json.writeValueAsBytes(body);
  }

  /** One human line: "Ticket #42 closed by Alice Agent: Printer on fire". */
  static String text(String type, Long ticketNumber, JsonNode data) {
    String own = data.path("text").asString("");
    if (!own.isBlank()) {
      return own; // a notification's line, made for its recipient
    }
    JsonNode ticket = data.path("ticket");
    long number = ticketNumber != null ? ticketNumber : ticket.path("number").asLong(0);
    String subject = ticket.path("subject").asString("");
    String actor = data.path("change").path("actor").path("name").asString("");
    String by = actor.isBlank() ? "" : " by " + actor;
    String line =
        switch (type) {
          case "ticket.created" -> "Ticket #" + number + " created" + by;
          case "ticket.updated" -> "Ticket #" + number + " updated" + by;
          case "ticket.closed" -> "Ticket #" + number + " closed" + by;
          case "ticket.assigned" ->
              "Ticket #"
                  + number
                  + " assigned to "
                  + ticket.path("assignee").path("name").asString("nobody")
                  + by;
          case "message.received" ->
              "New message on ticket #" + number + from(data.path("message").path("from"));
          case "message.sent" -> "Reply sent on ticket #" + number;
          case "sla.warning" -> "Ticket #" + number + " is close to breaching its SLA";
          case "sla.breached" -> "Ticket #" + number + " breached its SLA";
          default -> "Ticket #" + number + ": " + type;
        };
    return subject.isBlank() ? line : line + ": " + subject;
  }

  private static String from(JsonNode from) {
    String name = from.isObject() ? from.path("name").asString("") : "";
    String address = from.isObject() ? from.path("email").asString("") : from.asString("");
    String who = name.isBlank() ? address : name;
    return who.isBlank() ? "" : " from " + who;
  }
}
