package dev.tempodesk.api.error;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem for an error known only by its status, as the container reports it (a request it
 * refused, a method it does not allow, an exception no handler caught).
 */
final class ErrorProblems {
  private ErrorProblems() {}

  static ProblemDetail forStatus(int code) {
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    return switch (status) {
      case BAD_REQUEST ->
          ApiExceptionHandler.problem(
              status,
              "malformed-request",
              "Malformed request",
              "The request cannot be read: its URL (for example an invalid percent-encoding,"
                  + " invalid UTF-8, a NUL or a '..' in the path), its request line or a header is"
                  + " malformed.",
              null);
      case NOT_FOUND ->
          ApiExceptionHandler.problem(
              status, "not-found", "Not found", "There is nothing at this URL.", null);
      case METHOD_NOT_ALLOWED ->
          ApiExceptionHandler.problem(
              status,
              "method-not-allowed",
              "Method not allowed",
              "This method is not allowed on this URL.",
              null);
      case CONTENT_TOO_LARGE, REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG ->
          ApiExceptionHandler.problem(
              status, "too-large", "Too large", "The request is larger than allowed.", null);
      case INTERNAL_SERVER_ERROR ->
          ApiExceptionHandler.problem(
              status,
              "internal-error",
              "Internal error",
              "Something went wrong on our side; it has been logged.",
              null);
      default ->
          ApiExceptionHandler.problem(
              status,
              status.is5xxServerError() ? "internal-error" : "http-" + status.value(),
              status.getReasonPhrase(),
              status.getReasonPhrase() + ".",
              null);
    };
  }

  /** The request's URI as the problem's {@code instance}, if it is a URI reference at all. */
  static String instance(String requestUri) {
    if (requestUri == null) {
      return null;
    }
    try {
      return new URI(requestUri).toString();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
