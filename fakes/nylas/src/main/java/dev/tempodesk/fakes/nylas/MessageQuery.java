package dev.tempodesk.fakes.nylas;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filters of {@code GET /messages}. {@code received_after} is inclusive ({@code date >=}),
 * {@code received_before} exclusive, so adjacent windows tile; the reference leaves it open, and
 * clients dedupe on {@code id} anyway.
 */
record MessageQuery(Long receivedAfter, Long receivedBefore, String in, String threadId) {

  static MessageQuery from(Map<String, String> params) {
    return new MessageQuery(
        seconds(params, "received_after"),
        seconds(params, "received_before"),
        params.get("in"),
        params.get("thread_id"));
  }

  boolean matches(FakeMessage m) {
    return (receivedAfter == null || m.date() >= receivedAfter)
        && (receivedBefore == null || m.date() < receivedBefore)
        && (in == null || m.inFolder(in))
        && (threadId == null || m.threadId().equals(threadId));
  }

  /** True if every filter the request repeats next to a cursor equals the cursor's. */
  boolean admits(MessageQuery repeated) {
    return (repeated.receivedAfter == null || repeated.receivedAfter.equals(receivedAfter))
        && (repeated.receivedBefore == null || repeated.receivedBefore.equals(receivedBefore))
        && (repeated.in == null || repeated.in.equals(in))
        && (repeated.threadId == null || repeated.threadId.equals(threadId));
  }

  ObjectNode toJson() {
    ObjectNode json = NylasJson.object();
    if (receivedAfter != null) {
      json.put("ra", receivedAfter);
    }
    if (receivedBefore != null) {
      json.put("rb", receivedBefore);
    }
    json.put("in", in);
    json.put("t", threadId);
    return json;
  }

  static MessageQuery fromJson(JsonNode json) {
    return new MessageQuery(
        json.has("ra") ? json.get("ra").asLong() : null,
        json.has("rb") ? json.get("rb").asLong() : null,
        NylasJson.text(json, "in"),
        NylasJson.text(json, "t"));
  }

  private static Long seconds(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw NylasError.invalidRequest(name + " must be a Unix timestamp in seconds");
    }
  }
}
