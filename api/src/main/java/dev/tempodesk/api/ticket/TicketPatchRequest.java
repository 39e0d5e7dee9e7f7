package dev.tempodesk.api.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/**
 * One change to a ticket (JSON merge-patch semantics: absent fields stay as they are; {@code
 * "assigneeId": null} unassigns). A mutable bean rather than a record, because "absent" and "null"
 * mean different things for the assignee.
 */
@Schema(
    description =
        "A change to a ticket. A non-blank comment is required and kept in the audit trail.")
public class TicketPatchRequest {
  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Why the change is made")
  @Size(max = 10_000)
  private String comment;

  @Schema(description = "Refuse the change (409) unless the ticket is still at this version")
  private Long expectedVersion;

  private TicketStatus status;
  private Priority priority;

  @Schema(
      description = "Agent to assign; null unassigns; absent leaves the assignee alone",
      nullable = true)
  private Long assigneeId;

  @JsonIgnore private boolean assigneeIdPresent;

  @Schema(description = "Only with status PENDING")
  private PendingReason pendingReason;

  @Schema(
      description =
          "ISO-8601 duration of the suspension (only with PENDING), e.g. P2D, PT4H; at most 30 days",
      type = "string",
      example = "P2D")
  private Duration pendingFor;

  @Schema(description = "Only with status CLOSED; closing without one means SOLVED")
  private Resolution resolution;

  @Schema(description = "Replaces all tags (normalized: lower case, trimmed)")
  private List<String> tags;

  @Schema(description = "Tags to add (after tags, if both are given)")
  private List<String> addTags;

  @Schema(description = "Tags to remove")
  private List<String> removeTags;

  @Schema(
      description =
          "Move the ticket to this group (managers, admins, and managers of its current group);"
              + " an assignee who is not a member of it is unassigned in the same change")
  private Long groupId;

  public Long getGroupId() {
    return groupId;
  }

  public void setGroupId(Long groupId) {
    this.groupId = groupId;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public List<String> getAddTags() {
    return addTags;
  }

  public void setAddTags(List<String> addTags) {
    this.addTags = addTags;
  }

  public List<String> getRemoveTags() {
    return removeTags;
  }

  public void setRemoveTags(List<String> removeTags) {
    this.removeTags = removeTags;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public Long getExpectedVersion() {
    return expectedVersion;
  }

  public void setExpectedVersion(Long expectedVersion) {
    this.expectedVersion = expectedVersion;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public void setStatus(TicketStatus status) {
    this.status = status;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }

  public Long getAssigneeId() {
    return assigneeId;
  }

  @JsonSetter("assigneeId")
  public void setAssigneeId(Long assigneeId) {
    this.assigneeId = assigneeId;
    this.assigneeIdPresent = true;
  }

  /** True when the request mentions the assignee at all, even as null. */
  public boolean hasAssigneeId() {
    return assigneeIdPresent;
  }

  public PendingReason getPendingReason() {
    return pendingReason;
  }

  public void setPendingReason(PendingReason pendingReason) {
    this.pendingReason = pendingReason;
  }

  public Duration getPendingFor() {
    return pendingFor;
  }

  public void setPendingFor(Duration pendingFor) {
    this.pendingFor = pendingFor;
  }

  public Resolution getResolution() {
    return resolution;
  }

  public void setResolution(Resolution resolution) {
    this.resolution = resolution;
  }
}
