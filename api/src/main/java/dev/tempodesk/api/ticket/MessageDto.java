package dev.tempodesk.api.ticket;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message of a ticket's thread: inbound mail, a reply (deliveryStatus QUEUED, SENT or FAILED with
 * deliveryError) or an internal note (visibility INTERNAL, never mailed).
 */
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
    String toAddresses,
    String ccAddresses,
    String deliveryStatus,
    String deliveryError,
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
        row.getToAddresses(),
        row.getCcAddresses(),
        row.getDeliveryStatus(),
        row.getDeliveryError(),
        row.getOccurredAt());
  }
}
