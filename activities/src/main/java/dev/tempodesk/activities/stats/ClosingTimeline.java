package dev.tempodesk.activities.stats;

import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays one ticket's audit trail to find its closings and how long it was worked on before each.
 * The trail records every status and assignee change with its old and new value, so the value a
 * field had at creation is the "from" of its first change (or, if it never changed, its current
 * value); from there each interval between events is attributed to the status the ticket had.
 */
public final class ClosingTimeline {
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};
  private static final Pattern AGENT_LABEL = Pattern.compile("\\(#(\\d+)\\)$");

  private final JsonMapper json;

  public ClosingTimeline(JsonMapper json) {
    this.json = json;
  }

  /** The closings of {@code ticket} that happened in {@code [from, to)}. */
  public List<Closing> closingsIn(
      TicketsRecord ticket, List<TicketEventsRecord> trail, Instant from, Instant to) {
    List<List<FieldChange>> changes = trail.stream().map(this::changesOf).toList();
    String status = initialValue(changes, "status", ticket.getStatus());
    Long assignee = agentId(initialValue(changes, "assignee", label(ticket.getAssigneeId())));
    long activeMs = 0;
    Instant last = ticket.getCreatedAt().toInstant();
    boolean breached = false;
    List<Closing> closings = new ArrayList<>();
    for (int i = 0; i < trail.size(); i++) {
      TicketEventsRecord event = trail.get(i);
      Instant at = event.getOccurredAt().toInstant();
      if (!at.isBefore(to)) {
        break;
      }
      if (isWorkedOn(status) && at.isAfter(last)) {
        activeMs += at.toEpochMilli() - last.toEpochMilli();
      }
      last = at.isAfter(last) ? at : last;
      breached |= TicketEvent.Kind.SLA_BREACHED.name().equals(event.getKind());
      String newStatus = status;
      for (FieldChange change : changes.get(i)) {
        switch (change.field()) {
          case "status" -> newStatus = change.to();
          case "assignee" -> assignee = agentId(change.to());
          default -> {}
        }
      }
      if ("CLOSED".equals(newStatus) && !"CLOSED".equals(status) && !at.isBefore(from)) {
        closings.add(
            new Closing(event.getId(), ticket.getNumber(), assignee, at, activeMs, !breached));
      }
      status = newStatus;
    }
    return closings;
  }

  private static boolean isWorkedOn(String status) {
    return "NEW".equals(status) || "OPEN".equals(status);
  }

  List<FieldChange> changesOf(TicketEventsRecord event) {
    return event.getChanges() == null
        ? List.of()
        : json.readValue(event.getChanges().data(), CHANGES);
  }

  static String initialValue(List<List<FieldChange>> changes, String field, String current) {
    for (List<FieldChange> eventChanges : changes) {
      for (FieldChange change : eventChanges) {
        if (change.field().equals(field)) {
          return change.from();
        }
      }
    }
    return current;
  }

  /** The audit trail names an agent as "Name (#id)". */
  static Long agentId(String label) {
    if (label == null) {
      return null;
    }
    Matcher matcher = AGENT_LABEL.matcher(label);
    return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
  }

  static String label(Long agentId) {
    return agentId == null ? null : "(#%d)".formatted(agentId);
  }
}
