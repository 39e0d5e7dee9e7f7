package dev.tempodesk.api.notification;

import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import java.time.Instant;

/**
 * One entry of the in-app feed.
 *
 * @param eventKind SLA_WARNING, SLA_BREACHED, ASSIGNED, ESCALATED_TO_URGENT, CLOSED or
 *     CUSTOMER_OPEN_TICKETS
 * @param readAt null while unread
 */
public record NotificationDto(
    long id,
    Long ticketNumber,
    String eventKind,
    String title,
    String body,
    Instant createdAt,
    Instant readAt) {

  static NotificationDto of(NotificationsRecord row) {
    return new NotificationDto(
        row.getId(),
        row.getTicketNumber(),
        row.getEventKind(),
        row.getTitle(),
        row.getBody(),
        row.getCreatedAt().toInstant(),
        row.getReadAt() == null ? null : row.getReadAt().toInstant());
  }
}
