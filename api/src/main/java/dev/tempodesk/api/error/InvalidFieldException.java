package dev.tempodesk.api.error;

/** A request field the API itself found unusable (e.g. an unknown agent id): 422. */
public class InvalidFieldException extends RuntimeException {
  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
