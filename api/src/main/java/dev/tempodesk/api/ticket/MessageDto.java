package dev.tempodesk.api.ticket;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message of a ticket's thread. */
public record MessageDto(
    UUID id,
    String direction,
    String visibility,
    Long authorContactId,
    Long authorAgentId,
    String fromAddress,
    String subject,
    String bodyText,
    String bodyHtml,
    String deliveryStatus,
    OffsetDateTime occurredAt) {

  static MessageDto from(MessagesRecord row) {
    return new MessageDto(
        row.getId(),
        row.getDirection(),
        row.getVisibility(),
        row.getAuthorContactId(),
        row.getAuthorAgentId(),
        row.getFromAddress(),
        row.getSubject(),
        row.getBodyText(),
        row.getBodyHtml(),
        row.getDeliveryStatus(),
        row.getOccurredAt());
  }
}
