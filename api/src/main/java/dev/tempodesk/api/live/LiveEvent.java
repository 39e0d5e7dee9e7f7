package dev.tempodesk.api.live;

import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.jooq.tables.records.LiveEventsRecord;
import dev.tempodesk.db.ticket.TicketAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One change of the read model as the V37 triggers describe it: what happened ({@code kind}), to
 * which ticket, message or notification, and who may see it (the ticket's customer, whether a
 * message is an internal note, a notification's recipient, and since V48 the ticket's group and
 * assignee, and the former ones when a change moved it away from them).
 */
public record LiveEvent(
    long id,
    String kind,
    Long ticketNumber,
    Long reporterId,
    UUID messageId,
    boolean internal,
    Long notificationId,
    String recipientKind,
    Long recipientId,
    Long groupId,
    Long assigneeId,
    Long formerGroupId,
    Long formerAssigneeId) {

  public static final String NOTIFICATION_PREFIX = "notification.";
  public static final String PRESENCE_PREFIX = "presence.";

  /** The NOTIFY payload: the live_events row as {@code row_to_json} writes it. */
  static LiveEvent fromJson(JsonNode row) {
    return new LiveEvent(
        row.get("id").asLong(),
        row.get("kind").asString(),
        longOrNull(row.get("ticket_number")),
        longOrNull(row.get("reporter_id")),
        row.hasNonNull("message_id") ? UUID.fromString(row.get("message_id").asString()) : null,
        row.path("internal").asBoolean(false),
        longOrNull(row.get("notification_id")),
        row.hasNonNull("recipient_kind") ? row.get("recipient_kind").asString() : null,
        longOrNull(row.get("recipient_id")),
        longOrNull(row.get("group_id")),
        longOrNull(row.get("assignee_id")),
        longOrNull(row.get("former_group_id")),
        longOrNull(row.get("former_assignee_id")));
  }

  static LiveEvent of(LiveEventsRecord row) {
    return new LiveEvent(
        row.getId(),
        row.getKind(),
        row.getTicketNumber(),
        row.getReporterId(),
        row.getMessageId(),
        Boolean.TRUE.equals(row.getInternal()),
        row.getNotificationId(),
        row.getRecipientKind(),
        row.getRecipientId(),
        row.getGroupId(),
        row.getAssigneeId(),
        row.getFormerGroupId(),
        row.getFormerAssigneeId());
  }

  private static Long longOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asLong();
  }

  /**
   * Whether this person may see the event: a notification only its recipient; a ticket, message or
   * presence event the staff who see the ticket ({@code access}: in its group or former group, or
   * assigned to it now or before the change), and the ticket's own customer unless it is an
   * internal note or a presence event (V41, staff only).
   *
   * @param access the tickets this person sees when they are staff (VisibleTickets); ignored for a
   *     customer
   */
  public boolean visibleTo(SignedInUser user, TicketAccess access) {
    if (kind.startsWith(NOTIFICATION_PREFIX)) {
      return user.kind().name().equals(recipientKind) && Objects.equals(recipientId, user.id());
    }
    if (kind.startsWith(PRESENCE_PREFIX) && !user.role().isStaff()) {
      return false; // who else has a ticket open: staff only, whatever the row says
    }
    if (user.role().isStaff()) {
      return user.kind() == SignedInUser.Kind.AGENT
          && access != null
          && (ticketNumber == null
              || access.sees(groupId, assigneeId)
              || ((formerGroupId != null || formerAssigneeId != null)
                  && access.sees(formerGroupId, formerAssigneeId)));
    }
    return user.kind() == SignedInUser.Kind.CONTACT
        && !internal
        && Objects.equals(reporterId, user.id());
  }

  /** What the stream sends: what changed, never who else may see it. */
  public Map<String, Object> data() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", kind);
    if (ticketNumber != null) {
      data.put("ticketNumber", ticketNumber);
    }
    if (messageId != null) {
      data.put("messageId", messageId.toString());
    }
    if (notificationId != null) {
      data.put("notificationId", notificationId);
    }
    return data;
  }
}
