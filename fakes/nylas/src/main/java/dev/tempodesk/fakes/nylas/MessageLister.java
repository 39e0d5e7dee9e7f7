package dev.tempodesk.fakes.nylas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /v3/grants/{g}/messages}: filters, keyset pages and the page-level faults. */
final class MessageLister {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final FaultPlan faults;
  private final Random lastPageStyle;

  MessageLister(FaultPlan faults) {
    this.faults = faults;
    // Separate from the fault draws, so toggling this never changes which faults a seed gives.
    this.lastPageStyle = new Random(faults.seed() ^ 0x5eed);
  }

  ObjectNode list(FakeMailbox box, Map<String, String> params, String requestId) {
    int limit = limit(params.get("limit"));
    NylasJson.Headers headers = headers(params.get("fields"));
    MessageQuery requested = MessageQuery.from(params);
    PageCursor cursor = null;
    MessageQuery query = requested;
    String token = params.get("page_token");
    if (token != null && !token.isEmpty()) {
      cursor = PageCursor.decode(token, box.grantId());
      if (!cursor.query().admits(requested)) {
        throw NylasError.invalidRequest("page_token was issued for other filters");
      }
      query = cursor.query();
    }
    List<FakeMessage> matching = box.newestFirst().stream().filter(query::matches).toList();
    int start = 0;
    while (cursor != null && start < matching.size() && !cursor.isBefore(matching.get(start))) {
      start++;
    }
    int repeats = faults.drawDuplicates(Math.min(start, limit - 1));
    int size = Math.min(limit - repeats, matching.size() - start);
    List<FakeMessage> page = new ArrayList<>(matching.subList(start - repeats, start));
    page.addAll(matching.subList(start, start + size));
    boolean more = start + size < matching.size();
    String next = more ? PageCursor.after(matching.get(start + size - 1), query).encode() : null;
    faults.maybeReorder(page);

    ObjectNode json = NylasJson.object();
    json.put("request_id", requestId);
    ArrayNode data = json.putArray("data");
    page.forEach(m -> data.add(NylasJson.message(m, headers)));
    putNextCursor(json, next);
    return json;
  }

  /** The last page randomly omits {@code next_cursor} or sends it as null: both occur. */
  void putNextCursor(ObjectNode json, String next) {
    if (next != null) {
      json.put("next_cursor", next);
    } else if (nullOnLastPage()) {
      json.putNull("next_cursor");
    }
  }

  private synchronized boolean nullOnLastPage() {
    return lastPageStyle.nextBoolean();
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw NylasError.invalidRequest("limit must be an integer");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw NylasError.invalidRequest("limit must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  static NylasJson.Headers headers(String fields) {
    if (fields == null) {
      return NylasJson.Headers.NONE;
    }
    return switch (fields) {
      case "standard", "include_tracking_options" -> NylasJson.Headers.NONE;
      case "include_headers" -> NylasJson.Headers.ALL;
      case "include_basic_headers" -> NylasJson.Headers.BASIC;
      default -> throw NylasError.invalidRequest("fields=" + fields + " is not supported");
    };
  }
}
