package dev.tempodesk.activities.nylas;

/** No HTTP response arrived: connection failure, timeout, or the body could not be read. */
public final class NylasTransportException extends NylasException {

  public NylasTransportException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
