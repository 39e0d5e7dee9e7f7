package dev.tempodesk.api.macro;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** The shapes of {@code /api/macros} and of a macro applied to a ticket. */
public final class MacroDtos {
  private MacroDtos() {}

  @Schema(
      description =
          "A macro: a reply text with placeholders and optional changes. Every field but name is"
              + " optional; placeholders ({{customer.name}} ...) are allowed in replyText and note.")
  public record MacroRequest(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
      @Schema(description = "true: shared (admins and managers only); false or absent: personal")
          Boolean shared,
      @Schema(description = "The reply to the customer; empty: the macro sends no reply")
          String replyText,
      @Schema(description = "An internal note added with the reply; empty: none") String note,
      TicketStatus status,
      @Schema(description = "Required with status PENDING, only with it")
          PendingReason pendingReason,
      @Schema(
              description = "Required with status PENDING, only with it (ISO-8601)",
              type = "string",
              example = "P2D")
          Duration pendingFor,
      @Schema(description = "Only with status CLOSED") Resolution resolution,
      Priority priority,
      @Schema(description = "Assign to this agent") Long assigneeId,
      @Schema(description = "Assign to the agent applying the macro (not with assigneeId)")
          Boolean assignToApplier,
      @Schema(description = "Tags to add") List<String> addTags,
      @Schema(description = "Tags to remove") List<String> removeTags) {}

  /** A macro as the API shows it. */
  public record MacroDto(
      long id,
      String name,
      boolean shared,
      @Schema(description = "The agent a personal macro belongs to; null when shared") Long ownerId,
      String replyText,
      String note,
      TicketStatus status,
      PendingReason pendingReason,
      @Schema(type = "string", example = "P2D") Duration pendingFor,
      Resolution resolution,
      Priority priority,
      Long assigneeId,
      String assigneeName,
      boolean assignToApplier,
      List<String> addTags,
      List<String> removeTags,
      @Schema(description = "Whether the signed-in agent may change or delete it") boolean editable,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /**
   * The change a macro makes, for one ticket and one agent, in the shape of {@code PATCH
   * /api/tickets/{number}} (absent fields are left alone).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(description = "A PATCH /api/tickets/{number} body; absent fields stay as they are")
  public record MacroUpdate(
      String comment,
      TicketStatus status,
      Priority priority,
      Long assigneeId,
      PendingReason pendingReason,
      @Schema(type = "string", example = "P2D") Duration pendingFor,
      Resolution resolution,
      List<String> addTags,
      List<String> removeTags) {

    /** Whether it changes anything at all (a comment alone changes nothing). */
    public boolean changesSomething() {
      return status != null
          || priority != null
          || assigneeId != null
          || pendingReason != null
          || pendingFor != null
          || resolution != null
          || addTags != null
          || removeTags != null;
    }

    public TicketPatchRequest toPatch() {
      TicketPatchRequest patch = new TicketPatchRequest();
      patch.setComment(comment);
      patch.setStatus(status);
      patch.setPriority(priority);
      if (assigneeId != null) {
        patch.setAssigneeId(assigneeId);
      }
      patch.setPendingReason(pendingReason);
      patch.setPendingFor(pendingFor);
      patch.setResolution(resolution);
      patch.setAddTags(addTags);
      patch.setRemoveTags(removeTags);
      return patch;
    }
  }

  /** A macro rendered for one ticket: what the ticket page fills in for the agent to review. */
  public record MacroPreviewDto(
      long macroId,
      String name,
      @Schema(description = "The reply text with placeholders filled in; empty: no reply")
          String replyText,
      @Schema(description = "The internal note with placeholders filled in; empty: no note")
          String note,
      MacroUpdate update) {}

  /** Placeholder names with what each one renders. */
  public record PlaceholderDto(String name, String description) {}
}
