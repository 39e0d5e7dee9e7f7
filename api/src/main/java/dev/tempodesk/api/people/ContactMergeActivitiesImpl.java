package dev.tempodesk.api.people;

import dev.tempodesk.api.security.PersonSessions;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.TicketCommands;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactMergesRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactMergeRepository;
import dev.tempodesk.workflows.contact.ContactMergeActivities;
import dev.tempodesk.workflows.ticket.Actor;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The steps of a contact merge ({@code ContactMergeWorkflow}). A live ticket moves through its
 * workflow's update ({@link TicketCommands#changeReporter}, as the merging agent, with the merge's
 * comment); one whose workflow has ended moves in the read model with an audit entry. Every step is
 * safe to repeat: a ticket no longer reported by the merged contact is skipped.
 */
@Component("contactMergeActivities")
class ContactMergeActivitiesImpl implements ContactMergeActivities {
  private final ContactMergeRepository merges;
  private final AgentRepository agents;
  private final TicketCommands commands;
  private final PersonSessions sessions;
  private final Clock clock;

  ContactMergeActivitiesImpl(
      ContactMergeRepository merges,
      AgentRepository agents,
      TicketCommands commands,
      PersonSessions sessions,
      Clock clock) {
    this.merges = merges;
    this.agents = agents;
    this.commands = commands;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void absorb(long mergeId) {
    merges
        .absorb(mergeId, now())
        .ifPresent(
            merged ->
                // Its password is gone: its sessions end (the survivor's stay).
                sessions.passwordChanged(
                    SignedInUser.Kind.CONTACT, merged.getId(), merged.getEmail()));
  }

  @Override
  public List<Long> ticketsLeft(long mergeId, long after, int limit) {
    return merges.ticketsLeft(merge(mergeId).getMergedId(), after, limit);
  }

  @Override
  public List<Long> moveTickets(long mergeId, List<Long> tickets, boolean lastAttempt) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Progress done = context.getHeartbeatDetails(Progress.class).orElse(new Progress(0, List.of()));
    ContactMergesRecord merge = merge(mergeId);
    AgentsRecord agent = agents.find(merge.getAgentId()).orElseThrow();
    Actor actor = Actor.agent(agent.getId(), agent.getDisplayName());
    List<Long> failed = new ArrayList<>(done.failed());
    for (int i = done.next(); i < tickets.size(); i++) {
      long number = tickets.get(i);
      try {
        move(merge, actor, number);
      } catch (RuntimeException error) {
        if (lastAttempt) {
          merges.recordFailure(mergeId, number, String.valueOf(error.getMessage()), now());
        } else {
          failed.add(number);
        }
      }
      // Throws if Temporal gave this attempt up, so it does not run beside its retry.
      context.heartbeat(new Progress(i + 1, List.copyOf(failed)));
    }
    return failed;
  }

  /** How far an attempt got: the next index into the tickets and those that failed before it. */
  public record Progress(int next, List<Long> failed) {}

  private void move(ContactMergesRecord merge, Actor actor, long number) {
    if (!merges.reportedBy(number, merge.getMergedId())) {
      return; // moved by an earlier attempt
    }
    boolean live =
        commands.changeReporter(number, merge.getSurvivorId(), actor, merge.getComment());
    if (!live) {
      merges.moveEndedTicket(
          merge.getId(), number, actor.kind().name(), actor.id(), actor.name(), now());
    }
  }

  @Override
  public void finish(long mergeId) {
    merges.finish(mergeId, now());
  }

  private ContactMergesRecord merge(long mergeId) {
    return merges.find(mergeId).orElseThrow();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
