package dev.tempodesk.workflows.ticket;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ticket entity workflow. Updates apply under a lock so that concurrent changes serialise (the
 * validator alone cannot: two updates can pass it before either applies). Messages are queued by
 * the signal handler and applied by the main loop, which also owns the one durable timer for the
 * next deadline (pending expiry, end of the reopen window, next SLA warning or breach).
 */
public class TicketWorkflowImpl implements TicketWorkflow {
  private final TicketPolicy policy;
  private final TicketStoreActivities store =
      Workflow.newActivityStub(TicketStoreActivities.class, TicketActivityOptions.WRITE);
  private final WorkflowLock lock = Workflow.newWorkflowLock();
  private final Queue<InboundMessage> inbox = new ArrayDeque<>();
  private final Queue<SlaRecalculation> recalculations = new ArrayDeque<>();
  private final WakeUpTimer wakeUp = new WakeUpTimer();
  private final SlaAlarmWrites alarmWrites = new SlaAlarmWrites(store);
  // Issue 21: a ticket moved to another group looks its SLA policy up again (the group's default).
  private final VersionGate groupSla = new VersionGate("group-sla", 1);
  private final SlaTracker sla;
  private final TicketNotifier notifier = new TicketNotifier();
  private final TicketVisibility visibility = new TicketVisibility();
  private final Outbox outbox = new Outbox();
  private TicketState state;

  @WorkflowInit
  public TicketWorkflowImpl(TicketWorkflowInput input) {
    this.policy = input.policy();
    this.state = input.ticket().copy();
    this.sla = new SlaTracker(policy.sla());
  }

  @Override
  public void run(TicketWorkflowInput input) {
    sla.start(state, now());
    if (sla.withPolicies() && state.sla == null) {
      applySla(sla.lookUp(state), null);
    }
    sla.markReady();
    notifier.start(state, now());
    visibility.show(state);
    outbox.resume(state.number);
    while (true) {
      wakeUp.armFor(nextDeadline());
      Workflow.await(
          () ->
              !inbox.isEmpty()
                  || !recalculations.isEmpty()
                  || wakeUp.isDue()
                  || wakeUp.isStale(nextDeadline())
                  || continueAsNewDue());
      lock.lock();
      try {
        fireDueAlarms();
        while (!inbox.isEmpty()) {
          applyMessage(inbox.poll());
        }
        recalculateSla();
        if (wakeUp.isDue()) {
          applyDeadline();
        }
      } finally {
        lock.unlock();
      }
      if (reopenWindowOver() || continueAsNewDue()) {
        // Sends and deliveries in flight finish first: continue-as-new would cut their threads off.
        Workflow.await(
            () ->
                Workflow.isEveryHandlerFinished()
                    && !notifier.deliveriesPending()
                    && outbox.idle());
        if (!inbox.isEmpty() || !recalculations.isEmpty()) {
          continue; // a message arrived while handlers finished: apply it first
        }
        if (reopenWindowOver()) {
          return;
        }
        Workflow.continueAsNew(new TicketWorkflowInput(state, policy));
      }
    }
  }

  @Override
  public TicketUpdateResult update(TicketUpdateRequest request) {
    return lockedAfterDueAlarms(() -> applyUpdate(request));
  }

  private TicketUpdateResult applyUpdate(TicketUpdateRequest request) {
    // Re-checked under the lock: the validator ran before earlier updates applied.
    TicketUpdatePlan plan = planOrReject(request);
    TicketState before = state;
    record(
        plan.next(), TicketEvent.Kind.UPDATED, request.actor(), request.comment(), plan.changes());
    rematchSla(before);
    return new TicketUpdateResult(state.copy(), plan.changes(), plan.autoFixes());
  }

  @Override
  public void validateUpdate(TicketUpdateRequest request) {
    TicketUpdateRules.plan(state, request, now(), policy);
  }

  @Override
  public void newMessage(InboundMessage message) {
    inbox.add(message);
  }

  @Override
  public void recalculateSla(SlaRecalculation request) {
    recalculations.add(request);
  }

  @Override
  public TicketState current() {
    return state.copy();
  }

  @Override
  public ReplyResult reply(ReplyRequest request) {
    return lockedAfterDueAlarms(() -> applyReply(request));
  }

  private ReplyResult applyReply(ReplyRequest request) {
    TicketUpdateRequest change = request.statusChange();
    TicketUpdatePlan plan =
        change == null
            ? new TicketUpdatePlan(state.copy(), List.of(), List.of())
            : planOrReject(change);
    TicketState next = plan.next();
    List<FieldChange> changes = new ArrayList<>(plan.changes());
    if (next.firstResponseAt == null) {
      next.firstResponseAt = now();
      next.version = state.version + 1;
      changes.add(new FieldChange("firstResponseAt", null, next.firstResponseAt.toString()));
    }
    TicketSla.agentReplied(next);
    String messageId = Workflow.randomUUID().toString();
    outbox.store(
        new OutboundMessage(
            state.number,
            messageId,
            OutboundMessage.Kind.REPLY,
            request.actor(),
            request.body(),
            request.html(),
            request.cc() == null ? List.of() : request.cc(),
            attachments(request.attachments()),
            request.bcc()));
    TicketState before = state;
    record(
        next,
        TicketEvent.Kind.REPLIED,
        request.actor(),
        change == null ? null : change.comment(),
        changes);
    outbox.dispatch(state.number, messageId);
    rematchSla(before);
    return new ReplyResult(messageId, state.copy(), List.copyOf(changes), plan.autoFixes());
  }

  @Override
  public void validateReply(ReplyRequest request) {
    requireText("body", request.body());
    if (request.statusChange() != null) {
      TicketUpdateRules.plan(state, request.statusChange(), now(), policy);
    }
  }

  @Override
  public OutboundRef addNote(NoteRequest request) {
    return locked(() -> applyNote(request));
  }

  private OutboundRef applyNote(NoteRequest request) {
    String messageId = Workflow.randomUUID().toString();
    outbox.store(
        new OutboundMessage(
            state.number,
            messageId,
            OutboundMessage.Kind.NOTE,
            request.actor(),
            request.body(),
            request.html(),
            List.of(),
            attachments(request.attachments())));
    record(state.copy(), TicketEvent.Kind.NOTE_ADDED, request.actor(), null, List.of());
    return new OutboundRef(state.number, messageId);
  }

  private static List<AttachedFile> attachments(List<AttachedFile> files) {
    return files == null ? List.of() : files;
  }

  @Override
  public void validateNote(NoteRequest request) {
    requireText("body", request.body());
  }

  @Override
  public OutboundRef retryReply(RetryReplyRequest request) {
    return locked(() -> applyRetry(request));
  }

  private OutboundRef applyRetry(RetryReplyRequest request) {
    OutboundRef message = new OutboundRef(state.number, request.messageId());
    if (!outbox.requeue(message)) {
      throw TicketRuleViolation.invalid(
              "messageId", "Only a FAILED reply of this ticket can be sent again.")
          .toFailure();
    }
    record(state.copy(), TicketEvent.Kind.REPLY_RETRIED, request.actor(), null, List.of());
    outbox.dispatch(state.number, request.messageId());
    return message;
  }

  @Override
  public void validateRetryReply(RetryReplyRequest request) {
    requireText("messageId", request.messageId());
  }

  /**
   * Runs an update handler's body alone: after the SLA clocks are in place (see {@link
   * SlaTracker#ready}), under the lock the main loop also takes. Notes and retried replies run here
   * directly, without firing due alarms first, as they always have: firing there would add events
   * to the histories they replay.
   */
  private <T> T locked(Supplier<T> body) {
    Workflow.await(sla::ready);
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #locked}, firing the SLA alarms due first: for handlers that change the ticket. */
  private <T> T lockedAfterDueAlarms(Supplier<T> body) {
    return locked(
        () -> {
          fireDueAlarms();
          return body.get();
        });
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TicketRuleViolation.invalid(field, "Must not be blank.");
    }
  }

  private TicketUpdatePlan planOrReject(TicketUpdateRequest request) {
    try {
      return TicketUpdateRules.plan(state, request, now(), policy);
    } catch (TicketRuleViolation violation) {
      throw violation.toFailure();
    }
  }

  private void applyMessage(InboundMessage message) {
    if (!state.markSeen(message.messageId()) || message.author().kind() != Actor.Kind.CONTACT) {
      return;
    }
    Instant at = messageTime(message);
    if (state.status == TicketStatus.PENDING) {
      TicketState next = state.copy();
      next.returnToWork();
      record(
          bumped(next),
          TicketEvent.Kind.RESUMED_BY_CUSTOMER,
          message.author(),
          null,
          withAwaitingReply(next, at));
    } else if (state.status == TicketStatus.CLOSED && !reopenWindowOver()) {
      TicketState next = state.copy();
      next.returnToWork();
      record(
          bumped(next),
          TicketEvent.Kind.REOPENED_BY_CUSTOMER,
          message.author(),
          null,
          withAwaitingReply(next, at));
    } else if (state.status != TicketStatus.CLOSED) {
      TicketState next = state.copy();
      FieldChange started = TicketSla.customerWrote(next, at);
      if (started != null) {
        record(next, TicketEvent.Kind.AWAITING_REPLY, message.author(), null, List.of(started));
      } else {
        state.awaitingReplySince = next.awaitingReplySince; // noted; no clock to start
      }
    }
  }

  /**
   * The changes of a customer message that puts the ticket back to work, with the start of the
   * next-reply clock when it starts one (only tickets under a policy, see {@link TicketSla}).
   */
  private List<FieldChange> withAwaitingReply(TicketState next, Instant at) {
    List<FieldChange> changes = new ArrayList<>(diff(next));
    FieldChange started = TicketSla.customerWrote(next, at);
    if (started != null) {
      changes.add(started);
    }
    return changes;
  }

  /** When a customer message was written: its stored time, never later than now. */
  private static Instant messageTime(InboundMessage message) {
    Instant now = now();
    return message.occurredAt() == null || message.occurredAt().isAfter(now)
        ? now
        : message.occurredAt();
  }

  /**
   * Applies {@code found} to the ticket (see {@link TicketSla#apply}). The first time, it records
   * {@code SLA policy "<name>" applied}, except for the configured defaults, which time the clocks
   * exactly as before policies and show in the next recorded change; later, {@code SLA
   * recalculated: <reason>}, but only if the policy or any clock changed.
   */
  private void applySla(AppliedSla found, String reason) {
    boolean first = state.sla == null;
    TicketState next = state.copy();
    TicketSla.apply(next, found, now());
    List<FieldChange> changes = TicketSla.changes(state, next);
    if (first && found.policyId() == null) {
      state = next;
    } else if (first) {
      record(
          next,
          TicketEvent.Kind.SLA_POLICY_APPLIED,
          Actor.SYSTEM,
          "SLA policy \"%s\" applied".formatted(found.policyName()),
          changes);
    } else if (!found.equals(state.sla) || !changes.isEmpty()) {
      record(
          next,
          TicketEvent.Kind.SLA_POLICY_APPLIED,
          Actor.SYSTEM,
          "SLA recalculated: " + reason,
          changes);
    }
  }

  /**
   * After a change of priority, organization or group, another policy may match (a group's default
   * one wins): look it up again. The group is asked only when it changed, so runs from before
   * groups replay as recorded.
   */
  private void rematchSla(TicketState before) {
    if (!sla.withPolicies()) {
      return;
    }
    boolean moved = !Objects.equals(before.groupId, state.groupId);
    if (before.priority != state.priority
        || !Objects.equals(before.organizationId, state.organizationId)
        || (moved && groupSla.on())) {
      applySla(
          sla.lookUp(state),
          before.priority != state.priority
              ? "priority changed to " + state.priority
              : moved ? "group changed to " + state.groupName : "organization changed");
    }
  }

  /**
   * Applies the recalculations signalled since the last pass with one look-up (a burst of edits
   * needs only the latest policy); runs from before policies ignore them.
   */
  private void recalculateSla() {
    if (recalculations.isEmpty()) {
      return;
    }
    Set<String> reasons = new LinkedHashSet<>();
    while (!recalculations.isEmpty()) {
      SlaRecalculation request = recalculations.poll();
      reasons.add(
          request.reason() == null || request.reason().isBlank()
              ? "policy or calendar changed"
              : request.reason());
    }
    if (sla.withPolicies()) {
      applySla(sla.lookUp(state), String.join("; ", reasons));
    }
  }

  /**
   * Fires the SLA alarms due by now before anything else changes the ticket, so that a change
   * arriving together with the timer cannot pause a clock past an alarm that never fires. Alarms
   * are system events, not new versions: an agent's expectedVersion stays valid.
   */
  private void fireDueAlarms() {
    for (TicketSla.DueAlarm alarm : sla.dueAlarms(state, now())) {
      TicketState next = state.copy();
      TicketSla.fire(next, alarm);
      record(
          next,
          alarm.eventKind(),
          Actor.SYSTEM,
          alarm.comment(),
          alarm.changes(),
          alarmWrites.store(wakeUp.timerFired()));
    }
  }

  /** SLA alarms fire at the top of the loop; the reopen window's end is the loop's, too. */
  private void applyDeadline() {
    if (state.status != TicketStatus.PENDING || now().isBefore(state.pendingUntil)) {
      return;
    }
    TicketState next = state.copy();
    TicketEvent.Kind kind = next.expirePending(now());
    record(bumped(next), kind, Actor.SYSTEM, null, diff(next));
  }

  /** Writes the change, then adopts it: the state never runs ahead of a failed write. */
  private void record(
      TicketState next,
      TicketEvent.Kind kind,
      Actor actor,
      String comment,
      List<FieldChange> changes) {
    record(next, kind, actor, comment, changes, store);
  }

  /** {@link #record}, writing through {@code writer} (an SLA alarm's own, see SlaAlarmWrites). */
  private void record(
      TicketState next,
      TicketEvent.Kind kind,
      Actor actor,
      String comment,
      List<FieldChange> changes,
      TicketStoreActivities writer) {
    sla.follow(state, next, now());
    TicketEvent event =
        new TicketEvent(Workflow.randomUUID().toString(), kind, actor, comment, changes, now());
    writer.recordChange(new TicketChangeRecord(next.copy(), event));
    notifier.follow(state, next, event);
    state = next;
    visibility.show(state);
  }

  private List<FieldChange> diff(TicketState next) {
    return TicketUpdateRules.diff(state, next);
  }

  private TicketState bumped(TicketState next) {
    next.version = state.version + 1;
    return next;
  }

  private Instant nextDeadline() {
    return sla.earliest(
        switch (state.status) {
          case PENDING -> state.pendingUntil;
          case CLOSED -> policy.reopenWindowEnd(state.closedAt);
          default -> null;
        },
        state);
  }

  private boolean reopenWindowOver() {
    return policy.reopenWindowOver(state.status, state.closedAt, now());
  }

  private boolean continueAsNewDue() {
    int threshold = policy.continueAsNewAfterEvents();
    return threshold > 0
        ? Workflow.getInfo().getHistoryLength() > threshold
        : Workflow.getInfo().isContinueAsNewSuggested();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
