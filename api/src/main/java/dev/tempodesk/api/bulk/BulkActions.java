package dev.tempodesk.api.bulk;

import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.group.Groups;
import dev.tempodesk.api.macro.Macros;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.TicketPatchRequest;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.bulk.BulkActionRepository;
import dev.tempodesk.db.jooq.tables.records.BulkActionTicketsRecord;
import dev.tempodesk.db.jooq.tables.records.BulkActionsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.bulk.BulkActionInput;
import dev.tempodesk.workflows.bulk.BulkActionWorkflow;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.TagChange;
import dev.tempodesk.workflows.ticket.Tags;
import dev.tempodesk.workflows.ticket.TicketRuleViolation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts bulk actions and reports their progress. The selection is resolved to ticket numbers and
 * stored with the change before the {@link BulkActionWorkflow} starts (so "all matching" means the
 * tickets that matched at that moment); the workflow then decides each ticket.
 */
@Service
public class BulkActions {
  /** The most tickets one bulk action changes; more is a 422 naming numbers or matching. */
  public static final int MAX_TICKETS = 10_000;

  /** The most results one progress read lists. */
  public static final int MAX_RESULTS = 500;

  private final BulkActionRepository actions;
  private final TicketRepository tickets;
  private final AgentRepository agents;
  private final WorkflowClient client;
  private final JsonMapper json;
  private final String taskQueue;
  private final Macros macros;
  private final VisibleTickets visible;
  private final Groups groups;

  @Autowired
  BulkActions(
      BulkActionRepository actions,
      TicketRepository tickets,
      AgentRepository agents,
      WorkflowClient client,
      JsonMapper json,
      TempodeskProperties properties,
      Macros macros,
      VisibleTickets visible,
      Groups groups) {
    this(actions, tickets, agents, client, json, properties.taskQueue(), macros, visible, groups);
  }

  public BulkActions(
      BulkActionRepository actions,
      TicketRepository tickets,
      AgentRepository agents,
      WorkflowClient client,
      JsonMapper json,
      String taskQueue,
      Macros macros,
      VisibleTickets visible,
      Groups groups) {
    this.actions = actions;
    this.visible = visible;
    this.groups = groups;
    this.macros = macros;
    this.tickets = tickets;
    this.agents = agents;
    this.client = client;
    this.json = json;
    this.taskQueue = taskQueue;
  }

  /**
   * Stores the action and starts its workflow; with an idempotency key this agent used before, the
   * action started then (nothing new).
   *
   * @param actor how the audit trail names the starter ({@code CurrentActor.of(user)}: "… via token
   *     <name>" for an action started with an API token), fixed for the whole action
   */
  public BulkActionStarted start(
      BulkActionRequest request, SignedInUser user, Actor actor, String key) {
    if (key != null && key.isBlank()) {
      key = null;
    }
    if (key != null) {
      var earlier = actions.findByKey(user.id(), key).flatMap(actions::find);
      if (earlier.isPresent()) {
        return launch(earlier.get());
      }
    }
    String comment = checked(request);
    if (request.macroId() != null) {
      macros.visible(request.macroId(), user, "macroId"); // 404 naming macroId if not theirs
    }
    List<Long> numbers = selection(request, user);
    String selection =
        json.writeValueAsString(
            request.matching() != null
                ? Map.of("matching", request.matching())
                : Map.of("numbers", numbers.size()));
    long id;
    try {
      id =
          actions.insert(
              user.id(),
              actor.equals(user.actor()) ? null : actor.name(),
              comment,
              changesJson(request.changes() == null ? new TicketPatchRequest() : request.changes()),
              request.macroId(),
              selection,
              key,
              numbers);
    } catch (DuplicateKeyException sameKeyAtOnce) {
      id = actions.findByKey(user.id(), key).orElseThrow();
    }
    return launch(actions.find(id).orElseThrow());
  }

  private BulkActionStarted launch(BulkActionsRecord action) {
    BulkActionWorkflow workflow =
        client.newWorkflowStub(
            BulkActionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(BulkActionWorkflow.workflowId(action.getId()))
                .build());
    try {
      WorkflowClient.start(workflow::run, BulkActionInput.of(action.getId()));
    } catch (WorkflowExecutionAlreadyStarted sameAction) {
      // a repeated request with the same key: the first start does the work
    }
    return new BulkActionStarted(action.getId(), action.getTotal());
  }

  /** The action's comment, once the request is usable as a whole. */
  private String checked(BulkActionRequest request) {
    if (request.comment() == null || request.comment().isBlank()) {
      throw FieldException.invalid(
          "comment", "A bulk action needs a comment; it goes to every ticket's audit trail.");
    }
    TicketPatchRequest changes = request.changes();
    if (request.macroId() != null && (changes == null || !changesSomething(changes))) {
      return request.comment().strip(); // the macro alone
    }
    if (changes == null || !changesSomething(changes)) {
      throw FieldException.invalid(
          "changes",
          "Name at least one change (status, priority, assigneeId, pendingReason, pendingFor,"
              + " resolution, tags, addTags, removeTags or groupId) or a macroId.");
    }
    if (changes.getExpectedVersion() != null) {
      throw FieldException.invalid(
          "changes.expectedVersion", "A bulk action changes tickets at whatever version they are.");
    }
    if (changes.hasAssigneeId()
        && changes.getAssigneeId() != null
        && agents.find(changes.getAssigneeId()).isEmpty()) {
      throw FieldException.invalid(
          "changes.assigneeId", "There is no agent #" + changes.getAssigneeId() + ".");
    }
    if (changes.getGroupId() != null) {
      groups.known(changes.getGroupId(), "changes.groupId");
    }
    try {
      // Tags no ticket could take are refused now, not once per ticket.
      Tags.apply(
          List.of(),
          new TagChange(changes.getTags(), changes.getAddTags(), changes.getRemoveTags()));
    } catch (TicketRuleViolation unusable) {
      throw FieldException.invalid("changes." + unusable.field(), unusable.text());
    }
    return request.comment().strip();
  }

  /** Whether {@code c} names any change at all (a stored macro-only action's is empty). */
  public static boolean changesSomething(TicketPatchRequest c) {
    return c.getStatus() != null
        || c.getPriority() != null
        || c.hasAssigneeId()
        || c.getPendingReason() != null
        || c.getPendingFor() != null
        || c.getResolution() != null
        || c.getTags() != null
        || c.getAddTags() != null
        || c.getRemoveTags() != null
        || c.getGroupId() != null;
  }

  private List<Long> selection(BulkActionRequest request, SignedInUser user) {
    if ((request.numbers() == null) == (request.matching() == null)) {
      throw FieldException.invalid(
          "numbers", "Give either numbers (the chosen tickets) or matching (a list filter).");
    }
    if (request.matching() != null) {
      TicketFilter filter;
      try {
        filter = request.matching().toFilter(user.id(), visible.access(user));
      } catch (FieldException refused) {
        throw refused.within("matching");
      }
      List<Long> matching = tickets.matchingNumbers(filter, MAX_TICKETS + 1);
      if (matching.isEmpty()) {
        throw FieldException.invalid("matching", "No ticket matches this filter.");
      }
      if (matching.size() > MAX_TICKETS) {
        throw FieldException.invalid(
            "matching", "More than %,d tickets match; narrow the filter.".formatted(MAX_TICKETS));
      }
      return matching;
    }
    Set<Long> chosen = new LinkedHashSet<>(request.numbers());
    chosen.remove(null);
    if (chosen.isEmpty()) {
      throw FieldException.invalid("numbers", "Choose at least one ticket.");
    }
    if (chosen.size() > MAX_TICKETS) {
      throw FieldException.invalid(
          "numbers", "At most %,d tickets in one bulk action.".formatted(MAX_TICKETS));
    }
    List<Long> sorted = chosen.stream().sorted().toList();
    List<Long> unknown = tickets.unknownNumbers(sorted);
    if (!unknown.isEmpty()) {
      throw FieldException.invalid(
          "numbers",
          "There is no ticket "
              + String.join(", ", unknown.stream().limit(10).map(n -> "#" + n).toList())
              + (unknown.size() > 10 ? " …" : "")
              + ".");
    }
    return sorted;
  }

  /**
   * The PATCH fields as stored JSON: what the request named, with {@code "assigneeId": null} kept
   * (unassign) and an absent assignee left out (leave as is).
   */
  private String changesJson(TicketPatchRequest c) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("status", c.getStatus());
    fields.put("priority", c.getPriority());
    fields.put("pendingReason", c.getPendingReason());
    fields.put("pendingFor", c.getPendingFor() == null ? null : c.getPendingFor().toString());
    fields.put("resolution", c.getResolution());
    fields.put("tags", c.getTags());
    fields.put("addTags", c.getAddTags());
    fields.put("removeTags", c.getRemoveTags());
    fields.put("groupId", c.getGroupId());
    fields.values().removeIf(Objects::isNull);
    if (c.hasAssigneeId()) {
      fields.put("assigneeId", c.getAssigneeId());
    }
    return json.writeValueAsString(fields);
  }

  /** The PATCH a stored action makes to each ticket, with the action's comment. */
  public TicketPatchRequest changes(BulkActionsRecord action) {
    TicketPatchRequest patch = json.readValue(action.getChanges().data(), TicketPatchRequest.class);
    patch.setComment(action.getComment());
    return patch;
  }

  /** The action's progress with the decided tickets above {@code after}; 404 if unknown. */
  public BulkActionDto progress(long id, BulkActionDto.Outcome outcome, long after, int limit) {
    BulkActionsRecord action =
        actions
            .find(id)
            .orElseThrow(() -> new NotFoundException("There is no bulk action " + id + "."));
    var counts = actions.counts(id);
    List<BulkActionTicketsRecord> decided =
        actions.decided(id, outcome == null ? null : outcome.name(), after, limit + 1);
    Long nextAfter = null;
    if (decided.size() > limit) {
      decided = decided.subList(0, limit);
      nextAfter = decided.getLast().getTicketNumber();
    }
    return new BulkActionDto(
        id,
        action.getComment(),
        action.getTotal(),
        counts.applied(),
        counts.refused(),
        action.getFinishedAt() != null,
        action.getCreatedAt().toInstant(),
        action.getFinishedAt() == null ? null : action.getFinishedAt().toInstant(),
        decided.stream()
            .map(
                r ->
                    new BulkActionDto.BulkTicketResult(
                        r.getTicketNumber(),
                        BulkActionDto.Outcome.valueOf(r.getOutcome()),
                        r.getReason(),
                        r.getField()))
            .toList(),
        nextAfter);
  }
}
