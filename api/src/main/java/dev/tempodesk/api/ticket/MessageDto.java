package dev.tempodesk.api.ticket;

import dev.tempodesk.api.attachment.MessageAttachmentDto;
import dev.tempodesk.api.attachment.MessageAttachments;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A message of a ticket's thread: inbound mail, a reply (deliveryStatus QUEUED, SENT or FAILED with
 * deliveryError) or an internal note (visibility INTERNAL, never mailed). {@code attachments}: its
 * files, each with its state; {@code bodyHtml} shows inline images through their Tempodesk URLs.
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
    @Schema(description = "Blind copies of a reply: shown to agents, never in the portal")
        String bccAddresses,
    String deliveryStatus,
    String deliveryError,
    OffsetDateTime occurredAt,
    List<MessageAttachmentDto> attachments) {

  public MessageDto {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  static MessageDto from(MessagesRecord row) {
    return from(row, List.of());
  }

  /** With its files; {@code cid:} images of the HTML body point at them. */
  static MessageDto from(MessagesRecord row, List<MessageAttachmentDto> attachments) {
    return new MessageDto(
        row.getId(),
        row.getDirection(),
        row.getVisibility(),
        row.getAuthorContactId(),
        row.getAuthorAgentId(),
        row.getFromAddress(),
        row.getSubject(),
        row.getBodyText(),
        MessageAttachments.rewriteCids(row.getBodyHtml(), attachments),
        row.getToAddresses(),
        row.getCcAddresses(),
        row.getBccAddresses(),
        row.getDeliveryStatus(),
        row.getDeliveryError(),
        row.getOccurredAt(),
        attachments);
  }
}
