package dev.tempodesk.api.portal;

import dev.tempodesk.api.attachment.MessageAttachmentDto;
import dev.tempodesk.api.attachment.MessageAttachments;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.ticket.TicketView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the customer portal shows and accepts: no internal notes, no agent-only fields. */
final class PortalDtos {
  private PortalDtos() {}

  @Schema(description = "One of the customer's tickets")
  record PortalTicket(
      long number,
      String subject,
      String status,
      String priority,
      String channel,
      Long assetId,
      String assetName,
      String assigneeName,
      String resolution,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      OffsetDateTime closedAt) {
    static PortalTicket from(TicketView view) {
      return new PortalTicket(
          view.number(),
          view.subject(),
          view.status(),
          view.priority(),
          view.channel(),
          view.assetId(),
          view.assetName(),
          view.assigneeName(),
          view.resolution(),
          view.createdAt(),
          view.updatedAt(),
          view.closedAt());
    }
  }

  @Schema(description = "A public message of the thread: from the customer (INBOUND) or support")
  record PortalMessage(
      UUID id,
      String direction,
      String fromAddress,
      String subject,
      String bodyText,
      String bodyHtml,
      OffsetDateTime occurredAt,
      List<MessageAttachmentDto> attachments) {
    static PortalMessage from(MessagesRecord row, List<MessageAttachmentDto> attachments) {
      return new PortalMessage(
          row.getId(),
          row.getDirection(),
          row.getFromAddress(),
          row.getSubject(),
          row.getBodyText(),
          MessageAttachments.rewriteCids(row.getBodyHtml(), attachments),
          row.getOccurredAt(),
          attachments);
    }
  }

  record PortalTicketDetail(PortalTicket ticket, List<PortalMessage> messages) {}

  record PortalTicketPage(List<PortalTicket> items, String nextCursor) {}

  @Schema(description = "A new ticket from the customer portal")
  record NewPortalTicket(
      @NotBlank @Size(max = 300) String subject,
      @NotBlank @Size(max = 100_000) String description,
      @Schema(description = "An asset of the customer's organization") Long assetId) {}

  record PortalReply(@NotBlank @Size(max = 100_000) String body) {}
}
