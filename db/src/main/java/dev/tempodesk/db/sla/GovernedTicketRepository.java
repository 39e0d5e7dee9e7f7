package dev.tempodesk.db.sla;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Live tickets (not CLOSED) by the SLA policy and calendar their workflow last applied (V26), in
 * pages keyset by number, for the recalculation after an admin's change. The partial indexes of V26
 * serve the per-policy and per-calendar pages, the primary key the page of all.
 */
@Repository
public class GovernedTicketRepository {
  private final DSLContext dsl;

  public GovernedTicketRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Numbers of every live ticket above {@code after}, ascending, at most {@code limit}. */
  public List<Long> live(long after, int limit) {
    return page(DSL.noCondition(), after, limit);
  }

  /** The same, of the live tickets governed by this policy. */
  public List<Long> liveUnderPolicy(long policyId, long after, int limit) {
    return page(TICKETS.SLA_POLICY_ID.eq(policyId), after, limit);
  }

  /** The same, of the live tickets whose clocks count in this calendar. */
  public List<Long> liveOnCalendar(long calendarId, long after, int limit) {
    return page(TICKETS.SLA_CALENDAR_ID.eq(calendarId), after, limit);
  }

  private List<Long> page(Condition governed, long after, int limit) {
    return dsl.select(TICKETS.NUMBER)
        .from(TICKETS)
        .where(governed)
        .and(TICKETS.STATUS.ne("CLOSED"))
        .and(TICKETS.NUMBER.gt(after))
        .orderBy(TICKETS.NUMBER)
        .limit(limit)
        .fetch(TICKETS.NUMBER);
  }
}
