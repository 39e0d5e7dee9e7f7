package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** Hosted OAuth (reference §1.1, §1.2): single-use codes that map to a grant per address. */
final class HostedAuth {
  static final Duration CODE_TTL = Duration.ofMinutes(10);
  static final String SCOPE = "https://www.googleapis.com/auth/gmail.modify openid email";

  private record Code(
      String grantId,
      String redirectUri,
      boolean offline,
      String challenge,
      String method,
      Instant expires) {}

  private final String apiKey;
  private final String clientId;
  private final Clock clock;
  private final Function<String, FakeMailbox> grantForEmail;
  private final Function<String, FakeMailbox> grantById;
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

  HostedAuth(
      String apiKey,
      String clientId,
      Clock clock,
      Function<String, FakeMailbox> grantForEmail,
      Function<String, FakeMailbox> grantById) {
    this.apiKey = apiKey;
    this.clientId = clientId;
    this.clock = clock;
    this.grantForEmail = grantForEmail;
    this.grantById = grantById;
  }

  /** {@code GET /v3/connect/auth}: consent is implied, straight back to the redirect URI. */
  Reply authorize(Map<String, String> params, String requestId, String defaultEmail) {
    if (!clientId.equals(params.get("client_id"))) {
      throw NylasError.invalidRequest("unknown client_id");
    }
    String redirectUri = params.get("redirect_uri");
    if (redirectUri == null || !isHttpUrl(redirectUri)) {
      throw NylasError.invalidRequest("redirect_uri must be an absolute http(s) URL");
    }
    if (!"code".equals(params.get("response_type"))) {
      throw NylasError.invalidRequest("response_type must be code");
    }
    String state = params.get("state");
    if (state != null && state.length() > 256) {
      throw NylasError.invalidRequest("state must be at most 256 characters");
    }
    String email = params.getOrDefault("login_hint", defaultEmail);
    FakeMailbox box = grantForEmail.apply(email);
    box.state(state);
    String code = "code-" + UUID.randomUUID();
    codes.put(
        code,
        new Code(
            box.grantId(),
            redirectUri,
            "offline".equals(params.get("access_type")),
            params.get("code_challenge"),
            params.getOrDefault("code_challenge_method", "plain"),
            clock.instant().plus(CODE_TTL)));
    String location =
        redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code);
    if (state != null) {
      location += "&state=" + encode(state);
    }
    return new Reply(302, Map.of("Location", location, "x-request-id", requestId), new byte[0]);
  }

  /** {@code POST /v3/connect/token}: a flat token object or the OAuth error shape. */
  Reply token(HttpExchange exchange, String requestId) {
    Map<String, String> params;
    try {
      params = HttpRequests.formOrJson(exchange);
    } catch (NylasError e) {
      return error(400, "invalid_request", e.getMessage(), requestId);
    }
    if (!clientId.equals(params.get("client_id")) || !apiKey.equals(params.get("client_secret"))) {
      return error(401, "invalid_client", "client_id or client_secret is wrong", requestId);
    }
    return switch (params.getOrDefault("grant_type", "")) {
      case "authorization_code" -> exchange(params, requestId);
      case "refresh_token" -> refresh(params, requestId);
      default -> error(400, "unsupported_grant_type", "grant_type not supported", requestId);
    };
  }

  private Reply exchange(Map<String, String> params, String requestId) {
    String value = params.getOrDefault("code", "");
    Code code = codes.remove(value);
    if (code == null) {
      String why = usedCodes.contains(value) ? "code already used" : "unknown code";
      return error(400, "invalid_grant", why, requestId);
    }
    usedCodes.add(value);
    if (code.expires().isBefore(clock.instant())) {
      return error(400, "invalid_grant", "code expired", requestId);
    }
    if (!code.redirectUri().equals(params.get("redirect_uri"))) {
      return error(400, "invalid_grant", "redirect_uri does not match", requestId);
    }
    if (code.challenge() != null && !pkceMatches(code, params.get("code_verifier"))) {
      return error(400, "invalid_grant", "code_verifier does not match", requestId);
    }
    FakeMailbox box = grantById.apply(code.grantId());
    box.reauthenticated(); // re-authenticating an address re-validates its grant (reference §1)
    ObjectNode json = tokens(box, code.offline());
    json.put("provider", box.provider());
    return Reply.json(200, json).withHeader("x-request-id", requestId);
  }

  private Reply refresh(Map<String, String> params, String requestId) {
    String grantId = refreshTokens.get(params.getOrDefault("refresh_token", ""));
    if (grantId == null) {
      return error(400, "invalid_grant", "unknown refresh_token", requestId);
    }
    ObjectNode json = tokens(grantById.apply(grantId), false);
    return Reply.json(200, json).withHeader("x-request-id", requestId);
  }

  private ObjectNode tokens(FakeMailbox box, boolean offline) {
    ObjectNode json = NylasJson.object();
    json.put("access_token", "at-" + UUID.randomUUID());
    json.put("token_type", "Bearer");
    json.put("expires_in", 3600);
    json.put("scope", SCOPE);
    json.put("grant_id", box.grantId());
    json.put("email", box.email());
    json.put("id_token", "fake." + UUID.randomUUID() + ".id-token");
    if (offline) {
      String refreshToken = "rt-" + UUID.randomUUID();
      refreshTokens.put(refreshToken, box.grantId());
      json.put("refresh_token", refreshToken);
    }
    return json;
  }

  private static boolean pkceMatches(Code code, String verifier) {
    if (verifier == null) {
      return false;
    }
    if ("plain".equalsIgnoreCase(code.method())) {
      return verifier.equals(code.challenge());
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(code.challenge());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Reply error(int status, String error, String description, String requestId) {
    ObjectNode json = NylasJson.object();
    json.put("error", error);
    json.put("error_description", description);
    json.put("error_uri", "https://developer.nylas.com/docs/api/errors/");
    json.put("error_code", "0");
    json.put("request_id", requestId);
    return Reply.json(status, json);
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = URI.create(value);
      return uri.isAbsolute() && Set.of("http", "https").contains(uri.getScheme());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
