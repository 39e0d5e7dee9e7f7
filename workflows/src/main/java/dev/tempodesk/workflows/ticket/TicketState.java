package dev.tempodesk.workflows.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the ticket workflow knows about its ticket. It is the workflow's only mutable state,
 * serialisable so that continue-as-new and the reconciler can hand it over, and it is also what the
 * projection row is written from.
 */
public class TicketState {
  /** How many message ids are remembered for de-duplication; older redeliveries are impossible. */
  static final int SEEN_MESSAGE_IDS_KEPT = 1000;

  public long number;
  public String subject;
  public TicketStatus status;
  public Priority priority;
  public Long assigneeId;
  public String assigneeName;
  public long reporterId;
  public Long organizationId;
  public Long assetId;
  public Channel channel;
  public PendingReason pendingReason;
  public Instant pendingUntil;
  public Resolution resolution;
  public Instant createdAt;
  public Instant assignedAt;
  public Instant firstResponseAt;
  public Instant closedAt;
  public long version = 1;
  public List<String> seenMessageIds = new ArrayList<>();
  // Null until the workflow starts them (rows and runs from before SLAs have none).
  public SlaClock assignClock;
  public SlaClock resolveClock;
  // Issue 18: the policy governing the ticket, its two reply clocks and since when a customer
  // message waits for an agent's reply. Null on runs from before policies (and a clock is null
  // when the policy sets no target for its metric).
  public AppliedSla sla;
  public SlaClock firstResponseClock;
  public SlaClock nextReplyClock;
  public Instant awaitingReplySince;
  // Issue 19: normalized, sorted, without duplicates; empty on runs from before tags.
  public List<String> tags = new ArrayList<>();
  // Issue 21: the group (queue) the ticket belongs to. Null on runs from before groups: the row
  // keeps its group (the default one) and a projection write leaves the column alone. The name is
  // what the audit trail shows; null when the run started from a row (the trail then shows #id).
  public Long groupId;
  public String groupName;

  public TicketState copy() {
    TicketState copy = new TicketState();
    copy.number = number;
    copy.subject = subject;
    copy.status = status;
    copy.priority = priority;
    copy.assigneeId = assigneeId;
    copy.assigneeName = assigneeName;
    copy.reporterId = reporterId;
    copy.organizationId = organizationId;
    copy.assetId = assetId;
    copy.channel = channel;
    copy.pendingReason = pendingReason;
    copy.pendingUntil = pendingUntil;
    copy.resolution = resolution;
    copy.createdAt = createdAt;
    copy.assignedAt = assignedAt;
    copy.firstResponseAt = firstResponseAt;
    copy.closedAt = closedAt;
    copy.version = version;
    copy.seenMessageIds = new ArrayList<>(seenMessageIds);
    copy.assignClock = assignClock == null ? null : assignClock.copy();
    copy.resolveClock = resolveClock == null ? null : resolveClock.copy();
    copy.sla = sla;
    copy.firstResponseClock = firstResponseClock == null ? null : firstResponseClock.copy();
    copy.nextReplyClock = nextReplyClock == null ? null : nextReplyClock.copy();
    copy.awaitingReplySince = awaitingReplySince;
    copy.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    copy.groupId = groupId;
    copy.groupName = groupName;
    return copy;
  }

  /** Records a message id; returns false if it was seen before. */
  boolean markSeen(String messageId) {
    if (seenMessageIds.contains(messageId)) {
      return false;
    }
    seenMessageIds.add(messageId);
    if (seenMessageIds.size() > SEEN_MESSAGE_IDS_KEPT) {
      seenMessageIds.remove(0);
    }
    return true;
  }

  /** Puts the ticket back to work after a suspension or a close: OPEN if assigned, else NEW. */
  public void returnToWork() {
    status = assigneeId == null ? TicketStatus.NEW : TicketStatus.OPEN;
    pendingReason = null;
    pendingUntil = null;
    resolution = null;
    closedAt = null;
  }

  /** Ends a suspension whose time is up; returns the audit event kind for it. */
  TicketEvent.Kind expirePending(Instant now) {
    if (pendingReason != PendingReason.CLOSE) {
      returnToWork();
      return TicketEvent.Kind.PENDING_EXPIRED;
    }
    status = TicketStatus.CLOSED;
    resolution = Resolution.NO_RESPONSE;
    closedAt = now;
    pendingReason = null;
    pendingUntil = null;
    return TicketEvent.Kind.CLOSED_FOR_NO_RESPONSE;
  }
}
