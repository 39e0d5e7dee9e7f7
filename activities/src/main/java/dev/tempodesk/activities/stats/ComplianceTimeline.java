package dev.tempodesk.activities.stats;

import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.SlaMetric;
import dev.tempodesk.workflows.ticket.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays one ticket's audit trail to find its SLA metric instances and whether each was met.
 *
 * <ul>
 *   <li>time to assign: fulfilled by the first assignment of a ticket created unassigned;
 *   <li>first response: the REPLIED event that sets {@code firstResponseAt};
 *   <li>next reply: a later REPLIED event that answers a customer message written after the
 *       previous reply (or whose cycle breached);
 *   <li>resolution: each closing.
 * </ul>
 *
 * An instance is breached when an {@code SLA_BREACHED} event of its metric came before its
 * fulfilment: for next reply within its cycle (since the previous reply), for resolution anywhere
 * before the closing (the resolve clock keeps its time over a reopening). An instance that breached
 * and is not fulfilled (yet) is reported at its breach.
 */
final class ComplianceTimeline {
  private final ClosingTimeline trail;

  ComplianceTimeline(ClosingTimeline trail) {
    this.trail = trail;
  }

  /** An SLA_BREACHED event of one metric: when, under which assignee, in which cycle. */
  private record Breach(Instant at, Long assignee, int cycle) {}

  /**
   * Every instance fulfilled so far, and every breached one not fulfilled, over the whole trail.
   *
   * @param customerMessages when the ticket's customers wrote, oldest first
   */
  List<SlaOutcome> outcomes(
      TicketsRecord ticket, List<TicketEventsRecord> events, List<Instant> customerMessages) {
    List<List<FieldChange>> changes = events.stream().map(trail::changesOf).toList();
    String status = ClosingTimeline.initialValue(changes, "status", ticket.getStatus());
    Long assignee =
        ClosingTimeline.agentId(
            ClosingTimeline.initialValue(
                changes, "assignee", ClosingTimeline.label(ticket.getAssigneeId())));
    long number = ticket.getNumber();
    // A ticket created with an assignee has no assignment to time.
    boolean assigned = assignee != null;
    boolean firstResponded = false;
    int replies = 0;
    int closings = 0;
    int nextMessage = 0;
    boolean customerWaiting = false;
    Breach assignBreach = null;
    Breach firstResponseBreach = null;
    Breach nextReplyBreach = null;
    Breach resolveBreach = null;
    List<SlaOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      TicketEventsRecord event = events.get(i);
      Instant at = event.getOccurredAt().toInstant();
      while (nextMessage < customerMessages.size()
          && customerMessages.get(nextMessage).isBefore(at)) {
        // Before the first reply a customer message waits for the first response.
        customerWaiting |= replies > 0;
        nextMessage++;
      }
      Long actor = "AGENT".equals(event.getActorKind()) ? event.getActorId() : null;
      String kind = event.getKind();
      if (TicketEvent.Kind.SLA_BREACHED.name().equals(kind)) {
        for (FieldChange change : changes.get(i)) {
          switch (change.field()) {
            case "assignBreached" ->
                assignBreach =
                    assigned || assignBreach != null ? assignBreach : new Breach(at, assignee, 0);
            case "firstResponseBreached" ->
                firstResponseBreach =
                    firstResponded || firstResponseBreach != null
                        ? firstResponseBreach
                        : new Breach(at, assignee, 0);
            case "nextReplyBreached" ->
                nextReplyBreach =
                    nextReplyBreach != null ? nextReplyBreach : new Breach(at, assignee, replies);
            case "resolveBreached" ->
                resolveBreach =
                    resolveBreach != null ? resolveBreach : new Breach(at, assignee, closings);
            default -> {}
          }
        }
      }
      if (TicketEvent.Kind.REPLIED.name().equals(kind)) {
        boolean setsFirstResponse =
            changes.get(i).stream().anyMatch(c -> c.field().equals("firstResponseAt"));
        if (setsFirstResponse && !firstResponded) {
          firstResponded = true;
          outcomes.add(
              fulfilled(number, SlaMetric.FIRST_RESPONSE, 0, actor, at, firstResponseBreach));
        } else if (replies > 0 && (customerWaiting || nextReplyBreach != null)) {
          outcomes.add(
              fulfilled(number, SlaMetric.NEXT_REPLY, replies, actor, at, nextReplyBreach));
        }
        replies++;
        customerWaiting = false;
        nextReplyBreach = null;
      }
      String newStatus = status;
      for (FieldChange change : changes.get(i)) {
        switch (change.field()) {
          case "status" -> newStatus = change.to();
          case "assignee" -> assignee = ClosingTimeline.agentId(change.to());
          default -> {}
        }
      }
      if (!assigned && assignee != null) {
        assigned = true;
        outcomes.add(fulfilled(number, SlaMetric.TIME_TO_ASSIGN, 0, actor, at, assignBreach));
      }
      if ("CLOSED".equals(newStatus) && !"CLOSED".equals(status)) {
        // The closer; a closing by the system (no response) goes to the assignee.
        Long closer = actor != null ? actor : assignee;
        outcomes.add(fulfilled(number, SlaMetric.RESOLUTION, closings, closer, at, resolveBreach));
        closings++;
      }
      status = newStatus;
    }
    if (!assigned && assignBreach != null) {
      outcomes.add(unfulfilled(number, SlaMetric.TIME_TO_ASSIGN, assignBreach));
    }
    if (!firstResponded && firstResponseBreach != null) {
      outcomes.add(unfulfilled(number, SlaMetric.FIRST_RESPONSE, firstResponseBreach));
    }
    if (nextReplyBreach != null) {
      outcomes.add(unfulfilled(number, SlaMetric.NEXT_REPLY, nextReplyBreach));
    }
    if (resolveBreach != null && resolveBreach.cycle() == closings) {
      outcomes.add(unfulfilled(number, SlaMetric.RESOLUTION, resolveBreach));
    }
    return outcomes;
  }

  private static SlaOutcome fulfilled(
      long ticket, SlaMetric metric, int cycle, Long agent, Instant at, Breach breach) {
    return new SlaOutcome(ticket, metric, cycle, agent, at, true, breach == null);
  }

  private static SlaOutcome unfulfilled(long ticket, SlaMetric metric, Breach breach) {
    return new SlaOutcome(
        ticket, metric, breach.cycle(), breach.assignee(), breach.at(), false, false);
  }
}
