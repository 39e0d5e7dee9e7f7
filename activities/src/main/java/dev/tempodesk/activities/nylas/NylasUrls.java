package dev.tempodesk.activities.nylas;

import okhttp3.HttpUrl;

/** Builds {@code /v3/...} URLs; every caller-supplied ID goes through {@link PathSegments}. */
final class NylasUrls {

  private final HttpUrl baseUrl;

  NylasUrls(HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
  }

  HttpUrl.Builder grant(String grantId, String... rest) {
    HttpUrl.Builder url = v3("grants", grantId);
    for (String segment : rest) {
      url.addEncodedPathSegment(encode(segment));
    }
    return url;
  }

  HttpUrl messages(String grantId, MessageQuery query) {
    HttpUrl.Builder url = grant(grantId, "messages");
    if (query.limit() != null) {
      url.addQueryParameter("limit", query.limit().toString());
    }
    if (query.pageToken() != null && !query.pageToken().isEmpty()) {
      url.addQueryParameter("page_token", query.pageToken());
    }
    if (query.receivedAfterEpochSeconds() != null) {
      url.addQueryParameter("received_after", query.receivedAfterEpochSeconds().toString());
    }
    if (query.inFolderId() != null) {
      url.addQueryParameter("in", query.inFolderId());
    }
    if (query.includeHeaders()) {
      url.addQueryParameter("fields", "include_headers");
    }
    return url.build();
  }

  HttpUrl authorize(String clientId, String redirectUri, String state, String loginHint) {
    HttpUrl.Builder url =
        v3("connect", "auth")
            .addQueryParameter("client_id", clientId)
            .addQueryParameter("redirect_uri", redirectUri)
            .addQueryParameter("response_type", "code")
            .addQueryParameter("access_type", "offline")
            .addQueryParameter("state", state);
    if (loginHint != null && !loginHint.isBlank()) {
      url.addQueryParameter("login_hint", loginHint);
    }
    return url.build();
  }

  HttpUrl.Builder v3(String... segments) {
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("v3");
    for (String segment : segments) {
      url.addEncodedPathSegment(encode(segment));
    }
    return url;
  }

  private static String encode(String segment) {
    if (segment == null || segment.isBlank()) {
      throw new IllegalArgumentException("IDs in the path must not be blank");
    }
    return PathSegments.encode(segment);
  }
}
