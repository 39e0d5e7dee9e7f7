package dev.tempodesk.db.ops;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Operational figures read straight from Postgres, so every replica reports the same numbers no
 * matter which one handled the work.
 */
@Repository
public class OpsFiguresRepository {
  private final DSLContext dsl;

  public OpsFiguresRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** All figures at once, in one read-only round of queries. */
  public OpsFigures read() {
    Map<String, Integer> byStatus =
        dsl.select(TICKETS.STATUS, DSL.count())
            .from(TICKETS)
            .groupBy(TICKETS.STATUS)
            .fetchMap(TICKETS.STATUS, DSL.count());
    Map<String, Integer> skipped =
        dsl.select(SKIPPED_MESSAGES.REASON, DSL.count())
            .from(SKIPPED_MESSAGES)
            .groupBy(SKIPPED_MESSAGES.REASON)
            .fetchMap(SKIPPED_MESSAGES.REASON, DSL.count());
    int ingested =
        dsl.fetchCount(
            MESSAGES, MESSAGES.DIRECTION.eq("INBOUND").and(MESSAGES.MAILBOX_ID.isNotNull()));
    int sendFailures = dsl.fetchCount(MESSAGES, MESSAGES.DELIVERY_STATUS.eq("FAILED"));
    int assignBreaches = breachEvents("assignBreached");
    int resolveBreaches = breachEvents("resolveBreached");
    int openAssignBreached =
        dsl.fetchCount(TICKETS, TICKETS.STATUS.ne("CLOSED").and(TICKETS.ASSIGN_BREACHED));
    int openResolveBreached =
        dsl.fetchCount(TICKETS, TICKETS.STATUS.ne("CLOSED").and(TICKETS.RESOLVE_BREACHED));
    OffsetDateTime oldestSync =
        dsl.select(DSL.min(DSL.coalesce(MAILBOXES.LAST_SYNCED_AT, MAILBOXES.CREATED_AT)))
            .from(MAILBOXES)
            .where(MAILBOXES.ACTIVE)
            .fetchOne(0, OffsetDateTime.class);
    return new OpsFigures(
        byStatus,
        skipped,
        ingested,
        sendFailures,
        assignBreaches,
        resolveBreaches,
        openAssignBreached,
        openResolveBreached,
        oldestSync);
  }

  private int breachEvents(String flag) {
    JSONB change = JSONB.valueOf("[{\"field\":\"%s\",\"to\":\"true\"}]".formatted(flag));
    return dsl.fetchCount(
        TICKET_EVENTS,
        TICKET_EVENTS
            .KIND
            .eq("SLA_BREACHED")
            .and(DSL.condition("{0} @> {1}", TICKET_EVENTS.CHANGES, DSL.val(change))));
  }

  /**
   * @param oldestSync the least recent sync (or connection, if never synced) among active
   *     mailboxes; null without active mailboxes
   */
  public record OpsFigures(
      Map<String, Integer> ticketsByStatus,
      Map<String, Integer> skippedByReason,
      int messagesIngested,
      int sendFailures,
      int assignBreaches,
      int resolveBreaches,
      int openAssignBreached,
      int openResolveBreached,
      OffsetDateTime oldestSync) {}
}
