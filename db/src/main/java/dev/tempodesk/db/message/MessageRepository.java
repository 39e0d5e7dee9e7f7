package dev.tempodesk.db.message;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
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
}
