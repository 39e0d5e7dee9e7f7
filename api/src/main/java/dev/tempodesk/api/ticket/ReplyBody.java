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
import java.util.UUID;

/** An agent's reply to the customer, optionally changing the ticket's status in the same step. */
@Schema(description = "A reply mailed to the ticket's reporter")
public record ReplyBody(
    @NotBlank @Size(max = 100_000) String body,
    @Schema(
            description =
                "TEXT (default) or HTML; HTML keeps only formatting (see README, Replies)")
        BodyFormat bodyFormat,
    @Size(max = 20)
        @Schema(
            description = "Each one address, with or without a name: \"Doe, Jane\" <jane@x.org>")
        List<@NotBlank @ValidAddress @Size(max = 320) String> cc,
    @Size(max = 20)
        @Schema(description = "Blind copies: mailed, never shown to the other recipients")
        List<@NotBlank @ValidAddress @Size(max = 320) String> bcc,
    @Valid
        @Schema(
            description =
                "Change applied with the reply (e.g. PENDING CUSTOMER), with a required comment")
        StatusOnReply setStatus,
    @Schema(
            description =
                "Whether the agent's and the mailbox's signatures are appended (default true)")
        Boolean signature,
    @Schema(
            description =
                "The newest message of the thread the writer had seen; when another reply was sent"
                    + " after it, the reply is refused with 409 unless sendAnyway")
        UUID seenUpTo,
    @Schema(description = "Send even though someone else replied since seenUpTo")
        Boolean sendAnyway) {

  /** A plain reply: no BCC, signatures appended, no collision check. */
  public ReplyBody(String body, BodyFormat bodyFormat, List<String> cc, StatusOnReply setStatus) {
    this(body, bodyFormat, cc, null, setStatus, null, null, null);
  }

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
