package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a ticket update (DESIGN.md "Ticket update"), as one pure function: the same code
 * validates an update before Temporal accepts it and computes the change when it applies.
 * Contradictions are refused with the field at fault; omissions with an obvious meaning are fixed
 * and reported.
 */
public final class TicketUpdateRules {

  private TicketUpdateRules() {}

  public static TicketUpdatePlan plan(
      TicketState current, TicketUpdateRequest request, Instant now, TicketPolicy policy) {
    if (request.comment() == null || request.comment().isBlank()) {
      throw TicketRuleViolation.invalid("comment", "A comment is required with every change.");
    }
    if (request.expectedVersion() != null && request.expectedVersion() != current.version) {
      throw new TicketRuleViolation(
          TicketFailure.VERSION_CONFLICT,
          "expectedVersion",
          "Ticket #%d is at version %d, not %d: someone changed it in the meantime."
              .formatted(current.number, current.version, request.expectedVersion()));
    }
    TicketState next = current.copy();
    List<String> autoFixes = new ArrayList<>();
    applyAssignee(next, request);
    TicketStatus target = targetStatus(current, next, request, autoFixes);
    applyPending(current, next, target, request, now, policy);
    applyResolution(current, next, target, request, now, autoFixes);
    next.status = target;
    if (request.priority() != null) {
      next.priority = request.priority();
    }
    if (request.tags() != null) {
      next.tags = Tags.apply(current.tags, request.tags());
    }
    if (request.group() != null) {
      next.groupId = request.group().id();
      next.groupName = request.group().name();
    }
    if (request.reporterId() != null) {
      next.reporterId = request.reporterId();
    }
    if (next.assigneeId != null && next.assignedAt == null) {
      next.assignedAt = now;
    }
    List<FieldChange> changes = diff(current, next);
    if (!changes.isEmpty()) {
      next.version = current.version + 1;
    }
    return new TicketUpdatePlan(next, List.copyOf(changes), List.copyOf(autoFixes));
  }

  private static void applyAssignee(TicketState next, TicketUpdateRequest request) {
    if (request.assignee() == null) {
      return;
    }
    AgentRef agent = request.assignee().agent();
    if (agent == null) {
      next.assigneeId = null;
      next.assigneeName = null;
      return;
    }
    if (!agent.active()) {
      throw TicketRuleViolation.invalid(
          "assigneeId",
          "Agent #%d (%s) is deactivated and cannot take tickets."
              .formatted(agent.id(), agent.displayName()));
    }
    next.assigneeId = agent.id();
    next.assigneeName = agent.displayName();
  }

  /** The status the ticket ends in, including the implicit moves between NEW and OPEN. */
  private static TicketStatus targetStatus(
      TicketState current, TicketState next, TicketUpdateRequest request, List<String> autoFixes) {
    boolean assigned = next.assigneeId != null;
    if (request.status() == null) {
      if (current.status == TicketStatus.NEW && assigned) {
        autoFixes.add("Assigning a NEW ticket opens it: status NEW → OPEN.");
        return TicketStatus.OPEN;
      }
      if (current.status == TicketStatus.OPEN && !assigned) {
        autoFixes.add("Unassigning an OPEN ticket returns it to the queue: status OPEN → NEW.");
        return TicketStatus.NEW;
      }
      return current.status;
    }
    if (request.status() == TicketStatus.OPEN && !assigned) {
      throw TicketRuleViolation.invalid(
          "assigneeId", "An OPEN ticket needs an assignee: set assigneeId, or choose status NEW.");
    }
    if (request.status() == TicketStatus.NEW && assigned) {
      boolean assigningNow = request.assignee() != null && request.assignee().agent() != null;
      if (assigningNow) {
        throw TicketRuleViolation.invalid(
            "status", "A NEW ticket is unassigned: choose status OPEN to assign it.");
      }
      autoFixes.add("Status NEW means unassigned: %s was unassigned.".formatted(next.assigneeName));
      next.assigneeId = null;
      next.assigneeName = null;
    }
    return request.status();
  }

  private static void applyPending(
      TicketState current,
      TicketState next,
      TicketStatus target,
      TicketUpdateRequest request,
      Instant now,
      TicketPolicy policy) {
    if (target != TicketStatus.PENDING) {
      if (request.pendingReason() != null) {
        throw TicketRuleViolation.invalid(
            "pendingReason", "A pending reason only goes with status PENDING.");
      }
      if (request.pendingFor() != null) {
        throw TicketRuleViolation.invalid(
            "pendingFor", "A pending duration only goes with status PENDING.");
      }
      next.pendingReason = null;
      next.pendingUntil = null;
      return;
    }
    boolean entering = current.status != TicketStatus.PENDING;
    if (entering && request.pendingReason() == null) {
      throw TicketRuleViolation.invalid(
          "pendingReason",
          "Status PENDING needs a pending reason (CUSTOMER, THIRD_PARTY, CHANGE or CLOSE).");
    }
    if (entering && request.pendingFor() == null) {
      throw TicketRuleViolation.invalid(
          "pendingFor", "Status PENDING needs a duration, e.g. P2D or PT4H.");
    }
    Duration pendingFor = request.pendingFor();
    if (pendingFor != null) {
      if (pendingFor.isNegative() || pendingFor.isZero()) {
        throw TicketRuleViolation.invalid("pendingFor", "The pending duration must be positive.");
      }
      if (pendingFor.compareTo(policy.maxPending()) > 0) {
        throw TicketRuleViolation.invalid(
            "pendingFor",
            "A ticket can be suspended for %d days at most."
                .formatted(policy.maxPending().toDays()));
      }
      next.pendingUntil = now.plus(pendingFor);
    }
    if (request.pendingReason() != null) {
      next.pendingReason = request.pendingReason();
    }
  }

  private static void applyResolution(
      TicketState current,
      TicketState next,
      TicketStatus target,
      TicketUpdateRequest request,
      Instant now,
      List<String> autoFixes) {
    boolean wasClosed = current.status == TicketStatus.CLOSED;
    if (target == TicketStatus.CLOSED) {
      if (request.resolution() != null) {
        next.resolution = request.resolution();
      } else if (!wasClosed) {
        next.resolution = Resolution.SOLVED;
        autoFixes.add("CLOSED without a resolution type is SOLVED.");
      }
      if (!wasClosed) {
        next.closedAt = now;
      }
      return;
    }
    if (request.resolution() != null) {
      throw TicketRuleViolation.invalid(
          "resolution", "A resolution type only goes with status CLOSED.");
    }
    if (wasClosed) {
      autoFixes.add("Reopening clears the resolution type (was %s).".formatted(current.resolution));
      next.resolution = null;
      next.closedAt = null;
    }
  }

  /** The fields that differ, as the audit trail shows them. */
  public static List<FieldChange> diff(TicketState before, TicketState after) {
    List<FieldChange> changes = new ArrayList<>();
    addIfChanged(changes, "status", before.status, after.status);
    addIfChanged(changes, "priority", before.priority, after.priority);
    if (!Objects.equals(before.assigneeId, after.assigneeId)) {
      changes.add(new FieldChange("assignee", assigneeLabel(before), assigneeLabel(after)));
    }
    addIfChanged(changes, "pendingReason", before.pendingReason, after.pendingReason);
    addIfChanged(changes, "pendingUntil", before.pendingUntil, after.pendingUntil);
    addIfChanged(changes, "resolution", before.resolution, after.resolution);
    if (!tagsOf(before).equals(tagsOf(after))) {
      changes.add(new FieldChange("tags", tagLabel(before), tagLabel(after)));
    }
    // A run from before groups has no group: the first move shows where the ticket went.
    if (after.groupId != null && !Objects.equals(before.groupId, after.groupId)) {
      changes.add(new FieldChange("group", groupLabel(before), groupLabel(after)));
    }
    if (before.reporterId != after.reporterId) {
      changes.add(new FieldChange("reporter", "#" + before.reporterId, "#" + after.reporterId));
    }
    return changes;
  }

  private static List<String> tagsOf(TicketState ticket) {
    return ticket.tags == null ? List.of() : ticket.tags;
  }

  /** The tags as the audit trail shows them, {@code "billing, vip"}; null for none. */
  private static String tagLabel(TicketState ticket) {
    return tagsOf(ticket).isEmpty() ? null : String.join(", ", tagsOf(ticket));
  }

  /** {@code "Billing (#3)"}; {@code "#3"} when the run does not know the name; null for none. */
  private static String groupLabel(TicketState ticket) {
    if (ticket.groupId == null) {
      return null;
    }
    return ticket.groupName == null
        ? "#" + ticket.groupId
        : "%s (#%d)".formatted(ticket.groupName, ticket.groupId);
  }

  private static String assigneeLabel(TicketState ticket) {
    return ticket.assigneeId == null
        ? null
        : "%s (#%d)".formatted(ticket.assigneeName, ticket.assigneeId);
  }

  private static void addIfChanged(
      List<FieldChange> changes, String field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      changes.add(
          new FieldChange(
              field, from == null ? null : from.toString(), to == null ? null : to.toString()));
    }
  }
}
