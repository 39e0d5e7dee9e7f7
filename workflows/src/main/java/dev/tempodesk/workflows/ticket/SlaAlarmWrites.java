package dev.tempodesk.workflows.ticket;

import io.temporal.workflow.Workflow;

/**
 * Where an SLA alarm's write goes. Since {@value #CHANGE_ID} it is a local activity: the same store
 * activity, run by the worker inside the workflow task that handles the timer, so a breach reaches
 * Postgres without a round trip through the Temporal server (an activity task to schedule, poll and
 * complete, then a workflow task to resume the ticket). An alarm's write is a short, idempotent
 * upsert, so the server's activity queue buys it nothing. Runs that fired an alarm before this
 * change replay with the activity they recorded.
 */
final class SlaAlarmWrites {
  static final String CHANGE_ID = "sla-alarm-local-write";
  private static final int LOCAL = 1;

  private final VersionGate version = new VersionGate(CHANGE_ID, LOCAL);
  private final TicketStoreActivities local =
      Workflow.newLocalActivityStub(TicketStoreActivities.class, TicketActivityOptions.LOCAL_WRITE);
  private final TicketStoreActivities remote;

  SlaAlarmWrites(TicketStoreActivities remote) {
    this.remote = remote;
  }

  /**
   * The store for the alarm firing now; the first alarm of a run decides (and records) the version.
   * An alarm reached by the clock while its timer is still outstanding (the workflow woke for
   * something else at the deadline) keeps the activity: the timer would fire during the longer
   * workflow task and be cancelled by it, which the in-memory server rejects (sdk-java#2606, the
   * workflow then stops).
   */
  TicketStoreActivities store(boolean timerFired) {
    boolean local = version.on();
    return local && timerFired ? this.local : remote;
  }
}
