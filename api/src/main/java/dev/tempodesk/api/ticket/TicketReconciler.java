package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketRows;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.ticket.TicketRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start-up, gives every ticket that can still change (open, or closed within the reopen window)
 * a running workflow, re-created from its row if it is missing. This makes the embedded mode, whose
 * Temporal server forgets everything, consistent after a restart; in production it is a
 * disaster-recovery tool.
 */
@Component
public class TicketReconciler {
  private static final Logger log = LoggerFactory.getLogger(TicketReconciler.class);

  private final TicketRepository tickets;
  private final TicketWorkflowGateway workflows;
  private final Clock clock;

  public TicketReconciler(TicketRepository tickets, TicketWorkflowGateway workflows, Clock clock) {
    this.tickets = tickets;
    this.workflows = workflows;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void onStartup() {
    int restarted = reconcile();
    if (restarted > 0) {
      log.info("Reconciler re-created {} ticket workflow(s) from Postgres", restarted);
    }
  }

  /** Returns how many workflows had to be started. */
  public int reconcile() {
    int started = 0;
    var closedAfter = workflows.policy().reopenableIfClosedAfter(clock.instant());
    for (TicketsRecord row : tickets.findLive(TicketRows.at(closedAfter))) {
      if (workflows.startFromRow(row)) {
        started++;
      }
    }
    return started;
  }
}
