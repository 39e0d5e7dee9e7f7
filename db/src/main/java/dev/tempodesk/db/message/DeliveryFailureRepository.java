package dev.tempodesk.db.message;

import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The in-app notice that a message could not be sent, until the notification service takes over.
 * One row per dedupe key, so a retried write notifies once.
 */
@Repository
public class DeliveryFailureRepository {
  private final DSLContext dsl;

  public DeliveryFailureRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public boolean notifyAgent(
      String dedupeKey,
      long agentId,
      long ticketNumber,
      String eventKind,
      String title,
      String body) {
    return dsl.insertInto(NOTIFICATIONS)
            .set(NOTIFICATIONS.DEDUPE_KEY, dedupeKey)
            .set(NOTIFICATIONS.RECIPIENT_KIND, "AGENT")
            .set(NOTIFICATIONS.RECIPIENT_ID, agentId)
            .set(NOTIFICATIONS.CHANNEL, "IN_APP")
            .set(NOTIFICATIONS.TICKET_NUMBER, ticketNumber)
            .set(NOTIFICATIONS.EVENT_KIND, eventKind)
            .set(NOTIFICATIONS.TITLE, title)
            .set(NOTIFICATIONS.BODY, body)
            .set(NOTIFICATIONS.STATUS, "SENT")
            .onConflictDoNothing()
            .execute()
        == 1;
  }
}
