package dev.tempodesk.api.ticket;

import dev.tempodesk.api.validation.ValidAddress;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/** An agent's reply to the customer, optionally changing the ticket's status in the same step. */
@Schema(description = "A reply mailed to the ticket's reporter")
public record ReplyBody(
    @NotBlank @Size(max = 100_000) String body,
    @Schema(description = "TEXT (default) or HTML") BodyFormat bodyFormat,
    @Size(max = 20)
        @Schema(
            description = "Each one address, with or without a name: \"Doe, Jane\" <jane@x.org>")
        List<@NotBlank @ValidAddress @Size(max = 320) String> cc,
    @Valid
        @Schema(
            description =
                "Change applied with the reply (e.g. PENDING CUSTOMER), with a required comment")
        StatusOnReply setStatus) {

  public enum BodyFormat {
    TEXT,
    HTML
  }

  boolean html() {
    return bodyFormat == BodyFormat.HTML;
  }

  /** The status part of a reply; same rules as PATCH /api/tickets/{number}. */
  public record StatusOnReply(
      TicketStatus status,
      PendingReason pendingReason,
      @Schema(type = "string", example = "P2D") Duration pendingFor,
      Resolution resolution,
      @NotBlank @Size(max = 10_000) String comment) {}
}
