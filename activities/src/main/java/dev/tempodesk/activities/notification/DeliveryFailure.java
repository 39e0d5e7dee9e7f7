package dev.tempodesk.activities.notification;

/**
 * A notification could not go out. Permanent failures (no mailbox to send from, a webhook that
 * answers 4xx) are recorded and not retried; the others fail the activity so Temporal retries it.
 */
public class DeliveryFailure extends RuntimeException {
  private final boolean permanent;

  public DeliveryFailure(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}
