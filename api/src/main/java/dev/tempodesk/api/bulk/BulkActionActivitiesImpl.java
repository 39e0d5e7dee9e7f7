package dev.tempodesk.api.bulk;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.AssignmentRights;
import dev.tempodesk.api.ticket.MacroCommands;
import dev.tempodesk.api.ticket.TicketCommands;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import dev.tempodesk.api.ticket.TicketUpdateResponse;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.bulk.BulkActionRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.BulkActionTicketsRecord;
import dev.tempodesk.db.jooq.tables.records.BulkActionsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.bulk.BulkActionActivities;
import dev.tempodesk.workflows.bulk.BulkBatch;
import dev.tempodesk.workflows.bulk.BulkBatchOutcome;
import dev.tempodesk.workflows.ticket.Actor;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Changes a bulk action's tickets through the PATCH path ({@link AssignmentRights} with the
 * starting agent's role, then {@link TicketCommands#update}, the ticket workflow's update) and
 * records each outcome in V36.
 *
 * <p>No change is made twice: a ticket with an outcome is skipped, and before a change is tried the
 * ticket's version is noted and the change carries it as {@code expectedVersion}; an attempt that
 * finds the note recognizes, from the audit trail, a change an earlier attempt made without living
 * to record it. Someone else's change in between is a version conflict, tried again.
 */
@Component("bulkActionActivities")
public class BulkActionActivitiesImpl implements BulkActionActivities {
  private final BulkActionRepository actions;
  private final BulkActions bulk;
  private final TicketRepository tickets;
  private final AgentRepository agents;
  private final AssignmentRights rights;
  private final TicketCommands commands;
  private final MacroCommands macroCommands;
  private final VisibleTickets visible;
  private final Clock clock;

  public BulkActionActivitiesImpl(
      BulkActionRepository actions,
      BulkActions bulk,
      TicketRepository tickets,
      AgentRepository agents,
      AssignmentRights rights,
      TicketCommands commands,
      MacroCommands macroCommands,
      VisibleTickets visible,
      Clock clock) {
    this.actions = actions;
    this.visible = visible;
    this.macroCommands = macroCommands;
    this.bulk = bulk;
    this.tickets = tickets;
    this.agents = agents;
    this.rights = rights;
    this.commands = commands;
    this.clock = clock;
  }

  @Override
  public List<Long> undecidedTickets(long actionId, long after, int limit) {
    return actions.undecided(actionId, after, limit);
  }

  @Override
  public void finish(long actionId) {
    actions.finish(actionId, now());
  }

  /** How far an attempt got: the next index into the batch and the counts before it. */
  public record Partial(int next, int applied, int refused, List<Long> failed) {}

  @Override
  public BulkBatchOutcome applyBatch(BulkBatch batch) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Partial done =
        context.getHeartbeatDetails(Partial.class).orElse(new Partial(0, 0, 0, List.of()));
    BulkActionsRecord action = actions.find(batch.actionId()).orElseThrow();
    AgentsRecord agent = agents.find(action.getAgentId()).orElseThrow();
    SignedInUser user = SignedInUser.agent(agent);
    int applied = done.applied();
    int refused = done.refused();
    List<Long> failed = new ArrayList<>(done.failed());
    for (int i = done.next(); i < batch.tickets().size(); i++) {
      long number = batch.tickets().get(i);
      switch (applyOne(action, user, number, batch.lastAttempt())) {
        case APPLIED -> applied++;
        case REFUSED -> refused++;
        case FAILED -> failed.add(number);
        case SKIPPED -> {}
      }
      // Throws if Temporal gave this attempt up, so it does not run beside its retry.
      context.heartbeat(new Partial(i + 1, applied, refused, failed));
    }
    return new BulkBatchOutcome(applied, refused, failed);
  }

  enum Decision {
    APPLIED,
    REFUSED,
    FAILED,
    SKIPPED
  }

  private Decision applyOne(
      BulkActionsRecord action, SignedInUser user, long number, boolean lastAttempt) {
    long id = action.getId();
    Optional<BulkActionTicketsRecord> entry = actions.ticket(id, number);
    if (entry.isEmpty() || entry.get().getOutcome() != null) {
      return Decision.SKIPPED;
    }
    Long tried = entry.get().getAttemptVersion();
    Long macroId = action.getMacroId();
    // An attempt that died after its change was made (seen in the ticket's version and trail).
    boolean changedBefore =
        tried != null && actions.changedSince(number, tried, user.id(), action.getComment());
    if (changedBefore && macroId == null) {
      return record(id, number, BulkActionRepository.APPLIED, null, null);
    }
    try {
      // A ticket the agent may not see (no longer, or never) is refused like a missing one.
      TicketsRecord ticket = visible.require(user, number);
      TicketPatchRequest patch = bulk.changes(action);
      if (!changedBefore && BulkActions.changesSomething(patch)) {
        actions.attempting(id, number, ticket.getVersion());
        patch.setExpectedVersion(ticket.getVersion());
        rights.checkChange(user, number, patch);
        TicketUpdateResponse response = commands.update(number, patch, actor(action, user));
        if (response.changes().isEmpty() && macroId == null) {
          return record(
              id,
              number,
              BulkActionRepository.REFUSED,
              "Nothing to change: ticket #" + number + " already is as the action asks.",
              null);
        }
      }
      if (macroId != null) {
        // The macro's change, reply and note, as the one-step apply; its key makes a retried
        // attempt replay the first application instead of replying twice.
        macroCommands.apply(
            number, macroId, user, actor(action, user), "bulk-" + id + "-" + number);
      }
      return record(id, number, BulkActionRepository.APPLIED, null, null);
    } catch (FieldException refusal) {
      boolean changedMeanwhile =
          refusal.kind() == FieldException.Kind.CONFLICT
              && "expectedVersion".equals(refusal.field());
      if (changedMeanwhile && !lastAttempt) {
        return Decision.FAILED;
      }
      return record(
          id,
          number,
          BulkActionRepository.REFUSED,
          refusal.getMessage(),
          changedMeanwhile ? null : refusal.field());
    } catch (RuntimeException error) {
      if (!lastAttempt) {
        return Decision.FAILED;
      }
      return record(
          id, number, BulkActionRepository.REFUSED, "Failed: " + error.getMessage(), null);
    }
  }

  /**
   * The starter as the audit trail names them: as they started the action (with a token or not).
   */
  private static Actor actor(BulkActionsRecord action, SignedInUser user) {
    return action.getActorName() == null
        ? user.actor()
        : Actor.agent(user.id(), action.getActorName());
  }

  private Decision record(long id, long number, String outcome, String reason, String field) {
    actions.decide(id, number, outcome, reason, field, now());
    return outcome.equals(BulkActionRepository.APPLIED) ? Decision.APPLIED : Decision.REFUSED;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
