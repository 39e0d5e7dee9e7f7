package dev.tempodesk.api.error;

/** The request is fine but the resource's state does not allow it: 409. */
public class ConflictException extends RuntimeException {
  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
