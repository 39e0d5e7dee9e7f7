package dev.tempodesk.db.presence;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.TICKET_PRESENCE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Who has a ticket open (Flyway V41): one row per agent and ticket, kept alive by the page's
 * heartbeat. Time is the database's, so every replica agrees on what has expired.
 */
@Repository
public class PresenceRepository {
  public static final String VIEWING = "VIEWING";
  public static final String TYPING = "TYPING";

  private final DSLContext dsl;

  public PresenceRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** One agent present on a ticket. */
  public record Present(
      long agentId, String name, String state, OffsetDateTime since, OffsetDateTime expiresAt) {}

  /**
   * The agent is on the ticket (VIEWING or TYPING) for {@code ttl} from now; the presence is new
   * (its {@code since} restarts) when the agent had none or it had expired.
   */
  public void heartbeat(long ticketNumber, long agentId, String state, Duration ttl) {
    Field<OffsetDateTime> now = DSL.currentOffsetDateTime();
    Field<OffsetDateTime> expires =
        DSL.field(
            "current_timestamp + {0} * interval '1 millisecond'",
            SQLDataType.TIMESTAMPWITHTIMEZONE, DSL.val(ttl.toMillis()));
    dsl.insertInto(TICKET_PRESENCE)
        .set(TICKET_PRESENCE.TICKET_NUMBER, ticketNumber)
        .set(TICKET_PRESENCE.AGENT_ID, agentId)
        .set(TICKET_PRESENCE.STATE, state)
        .set(TICKET_PRESENCE.SINCE, now)
        .set(TICKET_PRESENCE.EXPIRES_AT, expires)
        .onConflict(TICKET_PRESENCE.TICKET_NUMBER, TICKET_PRESENCE.AGENT_ID)
        .doUpdate()
        .set(TICKET_PRESENCE.STATE, state)
        .set(
            TICKET_PRESENCE.SINCE,
            DSL.when(TICKET_PRESENCE.EXPIRES_AT.le(now), now).otherwise(TICKET_PRESENCE.SINCE))
        .set(TICKET_PRESENCE.EXPIRES_AT, expires)
        .execute();
  }

  /** The agent left the ticket. */
  public void leave(long ticketNumber, long agentId) {
    dsl.deleteFrom(TICKET_PRESENCE)
        .where(TICKET_PRESENCE.TICKET_NUMBER.eq(ticketNumber))
        .and(TICKET_PRESENCE.AGENT_ID.eq(agentId))
        .execute();
  }

  /** The agents present on the ticket now (not expired), but {@code exceptAgentId}, by arrival. */
  public List<Present> present(long ticketNumber, long exceptAgentId) {
    return dsl.select(
            TICKET_PRESENCE.AGENT_ID,
            AGENTS.DISPLAY_NAME,
            TICKET_PRESENCE.STATE,
            TICKET_PRESENCE.SINCE,
            TICKET_PRESENCE.EXPIRES_AT)
        .from(TICKET_PRESENCE)
        .join(AGENTS)
        .on(AGENTS.ID.eq(TICKET_PRESENCE.AGENT_ID))
        .where(TICKET_PRESENCE.TICKET_NUMBER.eq(ticketNumber))
        .and(TICKET_PRESENCE.AGENT_ID.ne(exceptAgentId))
        .and(TICKET_PRESENCE.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
        .orderBy(TICKET_PRESENCE.SINCE, TICKET_PRESENCE.AGENT_ID)
        .fetch(
            row ->
                new Present(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
  }

  /** Deletes the expired rows of every ticket (an index scan on expires_at); returns how many. */
  public int deleteExpired() {
    return dsl.deleteFrom(TICKET_PRESENCE)
        .where(TICKET_PRESENCE.EXPIRES_AT.le(DSL.currentOffsetDateTime()))
        .execute();
  }
}
