package dev.tempodesk.api.error;

/** The signed-in person may use the endpoint but not with this value of a field: 403. */
public class ForbiddenException extends RuntimeException {
  private final String field;

  public ForbiddenException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
