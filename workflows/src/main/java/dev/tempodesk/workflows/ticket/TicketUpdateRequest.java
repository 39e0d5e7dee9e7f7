package dev.tempodesk.workflows.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;

/**
 * One change to a ticket, made by an agent with a required comment. Null fields mean "leave as is".
 * Build it by name, {@code TicketUpdateRequest.by(actor, comment).status(CLOSED).build()}. It is
 * the payload of the workflow's update, so its components are its JSON shape in recorded histories.
 *
 * @param expectedVersion if set, the change is refused unless the ticket is still at this version
 * @param pendingFor how long a PENDING ticket stays suspended, from the moment the change applies
 * @param tags how the tags change (issue 19); null on updates from before tags
 * @param group the group the ticket moves to (issue 21); null leaves it, and on older updates
 * @param reporterId the contact the ticket now belongs to, when two contacts were merged into one
 *     (issue 21); null leaves it, and on older updates
 */
public record TicketUpdateRequest(
    Actor actor,
    String comment,
    Long expectedVersion,
    TicketStatus status,
    Priority priority,
    AssigneeChange assignee,
    PendingReason pendingReason,
    Duration pendingFor,
    Resolution resolution,
    // Left out when null, so an update without tags is written as before tags existed.
    @JsonInclude(JsonInclude.Include.NON_NULL) TagChange tags,
    // Issue 21, left out when null like tags.
    @JsonInclude(JsonInclude.Include.NON_NULL) GroupRef group,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long reporterId) {

  /** An update as written before groups: no group, no reporter change. */
  public TicketUpdateRequest(
      Actor actor,
      String comment,
      Long expectedVersion,
      TicketStatus status,
      Priority priority,
      AssigneeChange assignee,
      PendingReason pendingReason,
      Duration pendingFor,
      Resolution resolution,
      TagChange tags) {
    this(
        actor,
        comment,
        expectedVersion,
        status,
        priority,
        assignee,
        pendingReason,
        pendingFor,
        resolution,
        tags,
        null,
        null);
  }

  /** A change by {@code actor} that leaves every field as is until the builder names it. */
  public static Builder by(Actor actor, String comment) {
    return new Builder(actor, comment);
  }

  /** Names the fields a change sets; the ones it never names stay null ("leave as is"). */
  public static final class Builder {
    private final Actor actor;
    private final String comment;
    private Long expectedVersion;
    private TicketStatus status;
    private Priority priority;
    private AssigneeChange assignee;
    private PendingReason pendingReason;
    private Duration pendingFor;
    private Resolution resolution;
    private TagChange tags;
    private GroupRef group;
    private Long reporterId;

    private Builder(Actor actor, String comment) {
      this.actor = actor;
      this.comment = comment;
    }

    public Builder expectedVersion(Long expectedVersion) {
      this.expectedVersion = expectedVersion;
      return this;
    }

    public Builder status(TicketStatus status) {
      this.status = status;
      return this;
    }

    public Builder priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    public Builder assignee(AssigneeChange assignee) {
      this.assignee = assignee;
      return this;
    }

    public Builder pendingReason(PendingReason pendingReason) {
      this.pendingReason = pendingReason;
      return this;
    }

    public Builder pendingFor(Duration pendingFor) {
      this.pendingFor = pendingFor;
      return this;
    }

    public Builder resolution(Resolution resolution) {
      this.resolution = resolution;
      return this;
    }

    public Builder tags(TagChange tags) {
      this.tags = tags;
      return this;
    }

    public Builder group(GroupRef group) {
      this.group = group;
      return this;
    }

    public Builder reporterId(Long reporterId) {
      this.reporterId = reporterId;
      return this;
    }

    public TicketUpdateRequest build() {
      return new TicketUpdateRequest(
          actor,
          comment,
          expectedVersion,
          status,
          priority,
          assignee,
          pendingReason,
          pendingFor,
          resolution,
          tags,
          group,
          reporterId);
    }
  }
}
