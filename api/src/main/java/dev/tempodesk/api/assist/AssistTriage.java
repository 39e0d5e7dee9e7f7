package dev.tempodesk.api.assist;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.AssignmentRights;
import dev.tempodesk.api.ticket.TicketCommands;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import dev.tempodesk.api.ticket.TicketUpdateResponse;
import dev.tempodesk.db.assist.AssistRepository;
import dev.tempodesk.db.jooq.tables.records.AssistResultsRecord;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies a stored triage suggestion the one way a ticket changes: the PATCH path (the ticket
 * workflow's update, with its rules, and the agent's assignment rights when an agent clicked), with
 * the comment "Suggested by assist (model): reason" in the audit trail. Only the stored, checked
 * suggestion is applied (a priority of the four, tags the tag rules accept, an existing group), and
 * each suggestion at most once.
 */
@Component
class AssistTriage {
  /** The audit trail's actor of an automatic apply. */
  static final Actor ASSIST = new Actor(Actor.Kind.SYSTEM, null, "Assist");

  private final AssistRepository results;
  private final TicketRepository tickets;
  private final TicketCommands commands;
  private final AssignmentRights rights;
  private final Clock clock;

  AssistTriage(
      AssistRepository results,
      TicketRepository tickets,
      TicketCommands commands,
      AssignmentRights rights,
      Clock clock) {
    this.results = results;
    this.tickets = tickets;
    this.commands = commands;
    this.rights = rights;
    this.clock = clock;
  }

  /**
   * @param user the agent who clicked, or null for auto-apply
   * @return the update's response, empty when the suggestion changes nothing
   */
  Optional<TicketUpdateResponse> apply(AssistResultsRecord result, SignedInUser user, Actor actor) {
    long number = result.getTicketNumber();
    TicketView ticket = tickets.findView(number).orElseThrow();
    TriageSuggestion triage = TriageSuggestion.fromJson(result.getContent().data());
    TicketPatchRequest patch = patch(ticket, triage, result.getModel());
    if (patch == null) {
      return Optional.empty();
    }
    if (user != null) {
      rights.checkChange(user, number, patch);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!results.markApplied(result.getId(), user == null ? null : user.id(), now)) {
      throw FieldException.conflict("resultId", "This suggestion was applied already.");
    }
    try {
      return Optional.of(commands.update(number, patch, actor));
    } catch (RuntimeException refused) {
      results.unmarkApplied(result.getId());
      throw refused;
    }
  }

  /** The change the suggestion makes to the ticket as it is; null when it changes nothing. */
  static TicketPatchRequest patch(TicketView ticket, TriageSuggestion triage, String model) {
    TicketPatchRequest patch = new TicketPatchRequest();
    boolean changes = false;
    if (triage.priority() != null && !triage.priority().name().equals(ticket.priority())) {
      patch.setPriority(triage.priority());
      changes = true;
    }
    List<String> newTags =
        triage.tags().stream().filter(tag -> !ticket.tags().contains(tag)).toList();
    if (!newTags.isEmpty()) {
      patch.setAddTags(newTags);
      changes = true;
    }
    if (triage.groupId() != null && !Objects.equals(triage.groupId(), ticket.groupId())) {
      patch.setGroupId(triage.groupId());
      changes = true;
    }
    if (!changes) {
      return null;
    }
    patch.setComment(comment(model, triage.reason()));
    return patch;
  }

  /** The audit trail's comment of a triage applied. */
  static String comment(String model, String reason) {
    return "Suggested by assist (" + model + ")" + (reason.isBlank() ? "" : ": " + reason);
  }
}
