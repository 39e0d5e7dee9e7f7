package dev.tempodesk.fakes.nylas;

import tools.jackson.databind.node.ObjectNode;

/** The answers of injected failures, shaped like the reference's fixtures (§9 items 4 and 5). */
final class FaultReplies {
  private static final String BAD_GATEWAY_PAGE =
      "<html><head><title>502 Bad Gateway</title></head>"
          + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>"
          + "</html>\n";

  private FaultReplies() {}

  static Reply forStatus(int status, String requestId, int retryAfterSeconds) {
    return switch (status) {
      // A proxy page: not JSON and no request id, so clients must fall back to the status.
      case 502 -> Reply.text(502, "text/html", BAD_GATEWAY_PAGE);
      case 429 -> rateLimited(requestId, retryAfterSeconds);
      case 500 ->
          Reply.error(
              500, requestId, "api.internal_error", "Internal error, contact administrator.");
      case 503 ->
          Reply.error(503, requestId, "provider_error", "Provider connection failed, retry later.");
      case 504 -> Reply.error(504, requestId, "provider_error", "Provider request timed out.");
      case 401 -> Reply.error(401, requestId, "unauthorized", "Unauthorized");
      case 404 -> Reply.error(404, requestId, "not_found_error", "requested object not found");
      default -> Reply.error(status, requestId, "api.injected_error", "Injected failure.");
    };
  }

  private static Reply rateLimited(String requestId, int retryAfterSeconds) {
    ObjectNode body =
        NylasJson.error(requestId, "rate_limit_error", "Too many requests, try again shortly.");
    ((ObjectNode) body.get("error")).putObject("provider_error").put("code", 429);
    return Reply.json(429, body).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
  }
}
