package dev.tempodesk.workflows.sla;

import io.temporal.activity.ActivityInterface;
import java.util.List;

@ActivityInterface
public interface SlaRecalculationActivities {

  /** The next page of the selection's live ticket numbers, ascending; empty when none is left. */
  List<Long> liveTickets(TicketPageRequest page);

  /**
   * Signals each ticket's workflow ({@code ticket-<number>}) to recalculate, heartbeating after
   * each. A workflow that has ended is counted as such, any other error per ticket is reported in
   * the outcome; neither fails the activity. A retried attempt resumes after the last ticket its
   * predecessor reported in a heartbeat.
   */
  SignalOutcome signalTickets(SignalBatch batch);
}
