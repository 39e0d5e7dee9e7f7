package dev.tempodesk.activities.nylas;

/**
 * Filters and paging for {@code GET /v3/grants/{grant}/messages}. Null fields are not sent.
 *
 * @param limit page size, 1 to {@value #MAX_LIMIT}; null means Nylas' default (50)
 * @param pageToken the previous page's {@code next_cursor}
 * @param includeHeaders adds {@code fields=include_headers}
 * @param inFolderId one folder or label ID (not a name)
 */
public record MessageQuery(
    Long receivedAfterEpochSeconds,
    Integer limit,
    String pageToken,
    boolean includeHeaders,
    String inFolderId) {

  public static final int MAX_LIMIT = 200;

  public MessageQuery {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** First page of messages received after the given Unix second. */
  public static MessageQuery receivedAfter(long epochSeconds, int limit) {
    return new MessageQuery(epochSeconds, limit, null, false, null);
  }

  /** The same query for the page behind {@code cursor}. */
  public MessageQuery withPageToken(String cursor) {
    return new MessageQuery(receivedAfterEpochSeconds, limit, cursor, includeHeaders, inFolderId);
  }

  public MessageQuery withHeaders() {
    return new MessageQuery(receivedAfterEpochSeconds, limit, pageToken, true, inFolderId);
  }
}
