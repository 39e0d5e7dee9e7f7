package dev.tempodesk.activities.nylas;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error response into a {@link NylasApiException}. Reads both the regular shape {@code
 * {"error": {"type", "message"}}} and the OAuth shape {@code {"error": "...", "error_description",
 * "error_code"}}; anything else (empty body, proxy HTML) falls back to the status alone.
 */
final class ErrorResponses {

  private static final long MAX_ERROR_BODY = 64 * 1024;

  private final String apiKey;
  private final Clock clock;

  ErrorResponses(String apiKey, Clock clock) {
    this.apiKey = apiKey;
    this.clock = clock;
  }

  NylasApiException from(Response response) {
    JsonNode root = readObject(response);
    JsonNode error = root.path("error");
    String type;
    String detail;
    String errorCode = null;
    if (error.isObject()) {
      type = text(error, "type");
      detail = text(error, "message");
    } else {
      type = text(root, "error");
      detail = text(root, "error_description");
      errorCode = text(root, "error_code");
    }
    String requestId = text(root, "request_id");
    if (requestId == null) {
      requestId = response.header("x-request-id");
    }
    Duration retryAfter =
        RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null);
    return new NylasApiException(
        response.code(), type, redact(detail), requestId, errorCode, retryAfter, null);
  }

  /** A 2xx whose body does not match the expected payload. */
  NylasApiException unreadable(Response response, JacksonException cause) {
    return new NylasApiException(
        response.code(),
        "unreadable_response",
        "success response body could not be decoded",
        response.header("x-request-id"),
        null,
        null,
        cause);
  }

  private static JsonNode readObject(Response response) {
    try {
      JsonNode root = NylasJson.MAPPER.readTree(response.peekBody(MAX_ERROR_BODY).string());
      return root != null && root.isObject() ? root : NylasJson.MAPPER.missingNode();
    } catch (IOException | JacksonException notJson) {
      return NylasJson.MAPPER.missingNode();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asString() : null;
  }

  // Error text is echoed from the server; an OAuth error may quote the client_secret back.
  private String redact(String detail) {
    return detail == null ? null : detail.replace(apiKey, "[redacted]");
  }
}
