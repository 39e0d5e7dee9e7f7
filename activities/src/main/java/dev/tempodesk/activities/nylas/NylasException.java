package dev.tempodesk.activities.nylas;

/** Failure of a Nylas call; {@link #retryable()} tells the caller whether trying later may help. */
public abstract sealed class NylasException extends RuntimeException
    permits NylasApiException, NylasTransportException {

  NylasException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract boolean retryable();
}
