package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The audit trail of tickets. */
@Repository
public class TicketEventRepository {
  private final DSLContext dsl;

  public TicketEventRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Stores the event unless one with its id exists: retried writes are harmless. */
  public boolean insertIfAbsent(TicketEventsRecord event) {
    return dsl.insertInto(TICKET_EVENTS).set(event).onConflictDoNothing().execute() == 1;
  }

  public List<TicketEventsRecord> listForTicket(long ticketNumber) {
    return dsl.selectFrom(TICKET_EVENTS)
        .where(TICKET_EVENTS.TICKET_NUMBER.eq(ticketNumber))
        .orderBy(TICKET_EVENTS.OCCURRED_AT, TICKET_EVENTS.TICKET_VERSION, TICKET_EVENTS.ID)
        .fetch();
  }
}
