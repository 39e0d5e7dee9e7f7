package dev.tempodesk.activities.notification;

/**
 * A notification could not go out. Permanent failures (no mailbox to send from, a webhook that
 * answers 4xx) are recorded and not retried; the others fail the activity so Temporal retries it.
 */
public class DeliveryFailure extends RuntimeException {
  private final boolean permanent;
  private final boolean newSendAttempt;

  public DeliveryFailure(String message, boolean permanent, Throwable cause) {
    this(message, permanent, false, cause);
  }

  /**
   * @param newSendAttempt Nylas answered the email's send with an error, which it replays for that
   *     Idempotency-Key: the next try must use the next send attempt's key
   */
  public DeliveryFailure(
      String message, boolean permanent, boolean newSendAttempt, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.newSendAttempt = newSendAttempt;
  }

  public boolean newSendAttempt() {
    return newSendAttempt;
  }

  public boolean permanent() {
    return permanent;
  }
}
