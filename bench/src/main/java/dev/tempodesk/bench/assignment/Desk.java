package dev.tempodesk.bench.assignment;

import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import dev.tempodesk.activities.assignment.AssignerActivitiesImpl;
import dev.tempodesk.bench.rig.EventClock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads both sides of B4 share: which ticket to close next, and when the last assignment was. */
final class Desk {
  /** B4's desk: this many agents of capacity 1, so every close frees exactly one slot. */
  static final int AGENTS = 5;

  private Desk() {}

  /** Tickets opened: the 5 first assignments, the refills, and a tenth more (plus 3) to spare. */
  static int queueLength(int closes) {
    return AGENTS + closes + closes / 10 + 3;
  }

  /** A ticket an agent holds: the one held longest, so the agents take turns closing. */
  record Held(long number, long agentId) {}

  static Held longestHeld(DSLContext dsl) {
    return dsl.select(TICKETS.NUMBER, TICKETS.ASSIGNEE_ID)
        .from(TICKETS)
        .where(TICKETS.STATUS.eq("OPEN"))
        .orderBy(TICKETS.ASSIGNED_AT, TICKETS.NUMBER)
        .limit(1)
        .fetchSingle(row -> new Held(row.value1(), row.value2()));
  }

  /** When the latest auto-assignment's audit event was written (by Postgres' clock). */
  static Instant lastAssignmentRecordedAt(DSLContext dsl) {
    return dsl.select(DSL.max(DSL.field(DSL.name(EventClock.COLUMN), OffsetDateTime.class)))
        .from(TICKET_EVENTS)
        .where(TICKET_EVENTS.COMMENT.eq(AssignerActivitiesImpl.COMMENT))
        .fetchSingle(row -> row.value1().toInstant());
  }
}
