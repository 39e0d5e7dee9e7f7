package dev.tempodesk.api.error;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import org.springframework.http.HttpStatus;

/**
 * A request refused because of one field (a value, or the state of what the field addresses): the
 * ProblemDetail carries the field as {@code field}, and the kind decides status, type and title.
 */
public class FieldException extends RuntimeException {
  /** Why the field is refused: each kind is one HTTP status with its problem type and title. */
  public enum Kind {
    /** The value is malformed or contradicts another (e.g. a range ending before it starts). */
    MALFORMED(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field"),
    /** The API itself found the value unusable (e.g. an unknown agent id). */
    INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field"),
    /** The signed-in person may use the endpoint but not with this value. */
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden"),
    /** What the field addresses does not exist. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    /** The request is fine but the addressed resource's state does not allow it. */
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    /** A file over a size limit (AttachmentPolicy). */
    TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large"),
    /** A file of a blocked type: executables and scripts (AttachmentPolicy). */
    BLOCKED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "blocked-type", "Blocked file type");

    final HttpStatus status;
    final String slug;
    final String title;

    Kind(HttpStatus status, String slug, String title) {
      this.status = status;
      this.slug = slug;
      this.title = title;
    }
  }

  private final Kind kind;
  private final String field;

  public FieldException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  /** 422. */
  public static FieldException invalid(String field, String message) {
    return new FieldException(Kind.INVALID, field, message);
  }

  /** 400. */
  public static FieldException malformed(String field, String message) {
    return new FieldException(Kind.MALFORMED, field, message);
  }

  /** 403. */
  public static FieldException forbidden(String field, String message) {
    return new FieldException(Kind.FORBIDDEN, field, message);
  }

  /** 404. */
  public static FieldException notFound(String field, String message) {
    return new FieldException(Kind.NOT_FOUND, field, message);
  }

  /** 409. */
  public static FieldException conflict(String field, String message) {
    return new FieldException(Kind.CONFLICT, field, message);
  }

  /** An attachment the policy refused: 413, 415 or 422 (empty or unnamed). */
  public static FieldException refused(AttachmentPolicy.Refusal refusal) {
    Kind kind =
        switch (refusal.kind()) {
          case TOO_LARGE -> Kind.TOO_LARGE;
          case BLOCKED_TYPE -> Kind.BLOCKED_TYPE;
          case EMPTY, UNNAMED -> Kind.INVALID;
        };
    return new FieldException(kind, refusal.field(), refusal.reason());
  }

  public Kind kind() {
    return kind;
  }

  public String field() {
    return field;
  }

  /** The same refusal blamed on another field, e.g. one nested in the request body. */
  public FieldException renamed(String otherField) {
    return new FieldException(kind, otherField, getMessage());
  }

  /**
   * The same refusal of a field nested in {@code parent}: "createdFrom" becomes
   * "matching.createdFrom".
   */
  public FieldException within(String parent) {
    return renamed(field == null ? parent : parent + "." + field);
  }
}
