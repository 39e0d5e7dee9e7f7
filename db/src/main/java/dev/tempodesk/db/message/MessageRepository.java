package dev.tempodesk.db.message;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Messages of tickets: inbound mail, replies, internal notes. */
@Repository
public class MessageRepository {
  private final DSLContext dsl;

  public MessageRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public void insert(MessagesRecord message) {
    dsl.insertInto(MESSAGES).set(message).execute();
  }

  public List<MessagesRecord> listForTicket(long ticketNumber) {
    return dsl.selectFrom(MESSAGES)
        .where(MESSAGES.TICKET_NUMBER.eq(ticketNumber))
        .orderBy(MESSAGES.OCCURRED_AT, MESSAGES.CREATED_AT, MESSAGES.ID)
        .fetch();
  }

  /**
   * The ticket's public replies (outbound, not notes) stored after {@code storedAfter} by another
   * agent than {@code exceptAgentId}, oldest first, at most {@code limit}: what another agent sent
   * while someone was writing (issue 20's reply collision).
   */
  public List<MessagesRecord> repliesByOthersStoredAfter(
      long ticketNumber, OffsetDateTime storedAfter, long exceptAgentId, int limit) {
    return dsl.selectFrom(MESSAGES)
        .where(MESSAGES.TICKET_NUMBER.eq(ticketNumber))
        .and(MESSAGES.DIRECTION.eq("OUTBOUND"))
        .and(MESSAGES.VISIBILITY.eq("PUBLIC"))
        .and(MESSAGES.CREATED_AT.gt(storedAfter))
        .and(MESSAGES.AUTHOR_AGENT_ID.ne(exceptAgentId)) // not automatic mail (no author)
        .orderBy(MESSAGES.CREATED_AT, MESSAGES.ID)
        .limit(limit)
        .fetch();
  }
}
