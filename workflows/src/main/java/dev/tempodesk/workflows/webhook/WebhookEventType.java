package dev.tempodesk.workflows.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook subscription can subscribe to (issue 22.2). The wire name ({@link #wire()}) is
 * what the API takes and what the post's {@code type} field and {@code X-Tempodesk-Event} header
 * say; it is stored in {@code webhook_subscriptions.event_types} and {@code webhook_events.type}.
 */
public enum WebhookEventType {
  TICKET_CREATED("ticket.created"),
  TICKET_UPDATED("ticket.updated"),
  TICKET_CLOSED("ticket.closed"),
  TICKET_ASSIGNED("ticket.assigned"),
  MESSAGE_RECEIVED("message.received"),
  MESSAGE_SENT("message.sent"),
  SLA_WARNING("sla.warning"),
  SLA_BREACHED("sla.breached"),
  /**
   * A notice the team gets (breach, escalation, overload …): what the old notification webhook got.
   */
  NOTIFICATION("notification");

  private final String wire;

  WebhookEventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<WebhookEventType> fromWire(String wire) {
    return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
  }
}
