package dev.tempodesk.workflows.ticket;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Outbound mail of a ticket: writes replies and notes, and sends queued messages through the
 * ticket's mailbox. Every method is idempotent by message id.
 */
@ActivityInterface
public interface OutboundMailActivities {

  /** Writes a reply (QUEUED, addressed to the reporter) or an internal note, once per id. */
  void store(OutboundMessage message);

  /**
   * Queues the ticket's acknowledgement if it is still due (once per ticket, under an id derived
   * from the ticket number) and returns the ids of the ticket's messages waiting to be sent.
   */
  List<String> prepareOutbox(OutboundRef ticket);

  /**
   * Sends one queued message with an {@code Idempotency-Key} derived from its id and send attempt;
   * after Nylas answered an error the next call first looks for it in the sent mail, then uses the
   * next attempt's key. A message already SENT is not sent again. A permanent refusal marks it
   * FAILED and tells the agent; a transient one throws, so the caller retries (honouring
   * Retry-After). Named apart from the notifications' "Deliver": activity types share one namespace
   * per worker.
   */
  @ActivityMethod(name = "DeliverOutboundMail")
  DeliveryOutcome deliver(OutboundRef message);

  /** Marks a message FAILED after the last retry and tells the agent. */
  void giveUp(FailedDelivery failure);

  /**
   * Puts a FAILED message back to QUEUED under a fresh send attempt; false if it is not a FAILED
   * message of this ticket.
   */
  boolean requeue(OutboundRef message);
}
