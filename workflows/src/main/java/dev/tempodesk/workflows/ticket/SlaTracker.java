package dev.tempodesk.workflows.ticket;

import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * The ticket workflow's door to {@link TicketSla}. SLA alarms add timers and events, so runs that
 * started before them must replay without: the version is decided once, by the main method as it
 * starts, and the clocks start in the same step. Handlers wait for that ({@link #ready}): an update
 * delivered with the start can run before the main method, and one planned from a state without
 * clocks would drop them when it is adopted.
 *
 * <p>SLA policies (issue 18) are a second change, {@code "sla-policies"}, decided right after the
 * first: a run with it holds an {@link AppliedSla} in its state and counts business time; a run
 * without keeps the clocks of before (round the clock, configured targets). The state alone tells
 * them apart, as only runs with the change ever set {@code TicketState.sla}. The main method looks
 * the policy up before handlers may run, so {@link #ready} is set by the workflow once the policy
 * is in place.
 */
final class SlaTracker {
  static final String CHANGE_ID = "sla-clocks";
  static final String POLICIES_CHANGE_ID = "sla-policies";
  private static final int WITH_SLA_CLOCKS = 1;
  private static final int WITH_SLA_POLICIES = 1;

  private final SlaPolicy policy;
  private final VersionGate version = new VersionGate(CHANGE_ID, WITH_SLA_CLOCKS);
  private final VersionGate policies = new VersionGate(POLICIES_CHANGE_ID, WITH_SLA_POLICIES);
  private final TicketStoreActivities lookUps =
      Workflow.newLocalActivityStub(TicketStoreActivities.class, TicketActivityOptions.LOOK_UP);
  private boolean ready;

  SlaTracker(SlaPolicy policy) {
    this.policy = policy;
  }

  /** Whether the clocks are in place (handlers wait for it). */
  boolean ready() {
    return ready;
  }

  void markReady() {
    ready = true;
  }

  /**
   * Decides both versions and, before policies, starts the clocks; call first thing in the main
   * method. With policies, the workflow then applies {@link #lookUp} if the state holds none.
   */
  void start(TicketState ticket, Instant now) {
    if (version.on() && !policies.on()) {
      TicketSla.start(ticket, policy, now);
    }
  }

  /** Whether this run applies SLA policies (false until {@link #start}). */
  boolean withPolicies() {
    return policies.onIfDecided();
  }

  /**
   * The policy governing the ticket now: the store's first match for its facts, or the configured
   * defaults when none matches. A local activity.
   */
  AppliedSla lookUp(TicketState ticket) {
    AppliedSla found =
        lookUps.lookUpSla(
            ticket.number,
            new SlaPolicyRules.TicketFacts(
                ticket.organizationId, ticket.priority, ticket.channel, null));
    return found == null ? TicketSla.defaults(policy) : found;
  }

  void follow(TicketState before, TicketState next, Instant now) {
    if (version.onIfDecided()) {
      TicketSla.follow(before, next, policy, now);
    }
  }

  /** The earlier of {@code lifecycleDeadline} and the ticket's next SLA alarm. */
  Instant earliest(Instant lifecycleDeadline, TicketState ticket) {
    Instant alarm = version.onIfDecided() ? TicketSla.nextAlarmAt(ticket) : null;
    if (alarm == null) {
      return lifecycleDeadline;
    }
    return lifecycleDeadline != null && lifecycleDeadline.isBefore(alarm)
        ? lifecycleDeadline
        : alarm;
  }

  List<TicketSla.DueAlarm> dueAlarms(TicketState ticket, Instant now) {
    return version.onIfDecided() ? TicketSla.dueAlarms(ticket, now) : List.of();
  }
}
