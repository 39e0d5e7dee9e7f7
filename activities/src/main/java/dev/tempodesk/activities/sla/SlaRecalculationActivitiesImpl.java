package dev.tempodesk.activities.sla;

import dev.tempodesk.db.sla.GovernedTicketRepository;
import dev.tempodesk.workflows.sla.FailedSignal;
import dev.tempodesk.workflows.sla.SignalBatch;
import dev.tempodesk.workflows.sla.SignalOutcome;
import dev.tempodesk.workflows.sla.SlaRecalculationActivities;
import dev.tempodesk.workflows.sla.TicketPageRequest;
import dev.tempodesk.workflows.ticket.SlaRecalculation;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the governed live tickets from the projection and signals their workflows through the
 * client, one ticket at a time with a heartbeat after each.
 */
@Component("slaRecalculationActivities")
public class SlaRecalculationActivitiesImpl implements SlaRecalculationActivities {
  private final GovernedTicketRepository tickets;
  private final WorkflowClient client;

  public SlaRecalculationActivitiesImpl(GovernedTicketRepository tickets, WorkflowClient client) {
    this.tickets = tickets;
    this.client = client;
  }

  @Override
  public List<Long> liveTickets(TicketPageRequest page) {
    return switch (page.selection().kind()) {
      case ALL -> tickets.live(page.afterNumber(), page.limit());
      case POLICY ->
          tickets.liveUnderPolicy(page.selection().id(), page.afterNumber(), page.limit());
      case CALENDAR ->
          tickets.liveOnCalendar(page.selection().id(), page.afterNumber(), page.limit());
    };
  }

  /** How far an attempt got: the next index into the batch and what happened before it. */
  public record Partial(int next, long signalled, List<Long> ended, List<FailedSignal> failed) {}

  @Override
  public SignalOutcome signalTickets(SignalBatch batch) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Partial done =
        context.getHeartbeatDetails(Partial.class).orElse(new Partial(0, 0, List.of(), List.of()));
    long signalled = done.signalled();
    List<Long> ended = new ArrayList<>(done.ended());
    List<FailedSignal> failed = new ArrayList<>(done.failed());
    SlaRecalculation request = new SlaRecalculation(batch.reason());
    for (int i = done.next(); i < batch.tickets().size(); i++) {
      long ticket = batch.tickets().get(i);
      try {
        client
            .newWorkflowStub(TicketWorkflow.class, TicketWorkflow.workflowId(ticket))
            .recalculateSla(request);
        signalled++;
      } catch (WorkflowNotFoundException closedOrNeverStarted) {
        ended.add(ticket);
      } catch (RuntimeException other) {
        failed.add(new FailedSignal(ticket, String.valueOf(other.getMessage())));
      }
      // Throws if Temporal gave this attempt up, so it does not run beside its retry.
      context.heartbeat(new Partial(i + 1, signalled, ended, failed));
    }
    return new SignalOutcome(signalled, ended, failed);
  }
}
