package dev.tempodesk.api.ticket;

import dev.tempodesk.api.validation.ValidAddress;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A ticket an agent opens on behalf of a customer. The reporter is an existing contact ({@code
 * reporterId}) or an email address (the contact is created if unknown).
 */
@Schema(
    description = "A ticket opened by an agent on behalf of a customer (phone, email, walk-in).")
public record CreateTicketRequest(
    @NotBlank @Size(max = CreateTicketRequest.MAX_SUBJECT) String subject,
    @NotBlank @Size(max = CreateTicketRequest.MAX_DESCRIPTION) String description,
    @Schema(description = "Defaults to NORMAL") Priority priority,
    @Schema(description = "PHONE, EMAIL or AGENT; defaults to PHONE") Channel channel,
    Long reporterId,
    @Schema(description = "jane@example.org, \"q z\"@example.org or Jane Doe <jane@example.org>")
        @ValidAddress
        @Size(max = 320)
        String reporterEmail,
    @Size(max = 200) String reporterName,
    Long organizationId,
    Long assetId,
    @Schema(description = "Assign right away; the ticket starts OPEN") Long assigneeId) {
  /** The longest subject a ticket may have (also what a routing test accepts). */
  public static final int MAX_SUBJECT = 300;

  /** The longest first message. */
  public static final int MAX_DESCRIPTION = 100_000;
}
