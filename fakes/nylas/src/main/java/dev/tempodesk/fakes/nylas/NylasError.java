package dev.tempodesk.fakes.nylas;

/**
 * Ends a request with the reference's error shape: {@code {request_id, error: {type, message}}}.
 */
final class NylasError extends RuntimeException {
  private final int status;
  private final String type;

  NylasError(int status, String type, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static NylasError invalidRequest(String message) {
    return new NylasError(400, "invalid_request_error", message);
  }

  static NylasError notFound(String message) {
    return new NylasError(404, "not_found_error", message);
  }

  Reply reply(String requestId) {
    return Reply.error(status, requestId, type, getMessage());
  }
}
