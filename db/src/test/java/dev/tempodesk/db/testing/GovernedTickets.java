package dev.tempodesk.db.testing;

import org.jooq.DSLContext;

/**
 * Ticket rows in bulk for SLA recalculation tests and the bench: numbers {@code from..to}, NEW (or
 * CLOSED), governed by a policy and calendar as the projection records them (V26).
 */
public final class GovernedTickets {
  private GovernedTickets() {}

  /** Inserts the rows with one statement; their reporter is created once per database. */
  public static void insert(
      DSLContext dsl, long from, long to, boolean closed, Long policyId, Long calendarId) {
    dsl.execute(
        "insert into contacts (email, display_name) values ('governed@example.com', 'Governed')"
            + " on conflict do nothing");
    dsl.execute(
        """
        insert into tickets (number, subject, status, priority, reporter_id, channel, resolution,
                             created_at, updated_at, sla_policy_id, sla_calendar_id)
        select n, 'Governed ticket ' || n, ?, 'NORMAL',
               (select id from contacts where email = 'governed@example.com'), 'PHONE', ?,
               now(), now(), ?, ?
        from generate_series(?::bigint, ?::bigint) n
        """,
        closed ? "CLOSED" : "NEW",
        closed ? "SOLVED" : null,
        policyId,
        calendarId,
        from,
        to);
  }
}
