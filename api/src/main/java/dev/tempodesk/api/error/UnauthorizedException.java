package dev.tempodesk.api.error;

/** The request needs a signed-in person, or the credentials were wrong: 401. */
public class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
