package dev.tempodesk.fakes.nylas;

import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code next_cursor}: the keyset (date, arrival) of the last item returned plus the grant and
 * query. The next page starts strictly after that item, so mail arriving between pages (newer, or
 * anywhere else) never shifts or repeats later items.
 */
record PageCursor(String grantId, long date, long seq, MessageQuery query) {

  static PageCursor after(FakeMessage last, MessageQuery query) {
    return new PageCursor(last.grantId(), last.date(), last.seq(), query);
  }

  /** True if {@code m} comes after this cursor in newest-first order. */
  boolean isBefore(FakeMessage m) {
    return m.date() < date || (m.date() == date && m.seq() < seq);
  }

  String encode() {
    ObjectNode json = NylasJson.object();
    json.put("g", grantId).put("d", date).put("s", seq).set("q", query.toJson());
    byte[] bytes = NylasJson.MAPPER.writeValueAsBytes(json);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static PageCursor decode(String token, String grantId) {
    try {
      JsonNode json = NylasJson.MAPPER.readTree(Base64.getUrlDecoder().decode(token));
      PageCursor cursor =
          new PageCursor(
              NylasJson.text(json, "g"),
              json.path("d").asLong(-1),
              json.path("s").asLong(-1),
              MessageQuery.fromJson(json.path("q")));
      if (!grantId.equals(cursor.grantId())) {
        throw NylasError.invalidRequest("page_token belongs to another grant");
      }
      return cursor;
    } catch (IllegalArgumentException | JacksonException e) {
      throw NylasError.invalidRequest("invalid page_token");
    }
  }
}
