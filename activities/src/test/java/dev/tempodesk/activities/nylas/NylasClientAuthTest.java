package dev.tempodesk.activities.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.fakes.nylas.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class NylasClientAuthTest extends NylasClientTestBase {

  private static final String REDIRECT = "https://app.example/cb?tenant=a&x=1";

  @Test
  void shouldBuildHostedAuthUrlForOfflineAccess() {
    HttpUrl url = client.authorizeUrl(REDIRECT, "st-9f2", "a@b.example");

    assertThat(url.encodedPath()).isEqualTo("/v3/connect/auth");
    assertThat(url.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT);
    assertThat(url.encodedQuery())
        .contains("redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Ftenant%3Da%26x%3D1")
        .contains("login_hint=a%40b.example");
    assertThat(url.queryParameter("response_type")).isEqualTo("code");
    assertThat(url.queryParameter("access_type")).isEqualTo("offline");
    assertThat(url.queryParameter("state")).isEqualTo("st-9f2");
    assertThat(url.queryParameter("login_hint")).isEqualTo("a@b.example");
    assertThat(url.toString()).doesNotContain(API_KEY);
  }

  @Test
  void shouldLeaveOutMissingLoginHint() {
    HttpUrl url = client.authorizeUrl(REDIRECT, "st-9f2", null);

    assertThat(url.queryParameterNames())
        .containsExactly("client_id", "redirect_uri", "response_type", "access_type", "state");
  }

  @Test
  void shouldExchangeCodeWithApiKeyAsClientSecret() throws Exception {
    nylas.script(
        "POST",
        TOKEN,
        json(
            200,
            """
            {"access_token":"at-9x","token_type":"Bearer","expires_in":3600,
             "scope":"https://www.googleapis.com/auth/gmail.modify openid","grant_id":"grant-abc-123",
             "email":"sam@ourco.example","provider":"google","id_token":"eyJ...","refresh_token":"rt-4q"}"""));

    TokenResponse token = client.exchangeCode("code-1", REDIRECT);

    RecordedRequest request = takeRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v3/connect/token");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.header("Accept")).isEqualTo("application/json");
    JsonNode body = NylasJson.MAPPER.readTree(request.bodyText());
    assertThat(body.path("client_id").asString()).isEqualTo(CLIENT_ID);
    assertThat(body.path("client_secret").asString()).isEqualTo(API_KEY);
    assertThat(body.path("grant_type").asString()).isEqualTo("authorization_code");
    assertThat(body.path("code").asString()).isEqualTo("code-1");
    assertThat(body.path("redirect_uri").asString()).isEqualTo(REDIRECT);

    assertThat(token.grantId()).isEqualTo(GRANT);
    assertThat(token.email()).isEqualTo("sam@ourco.example");
    assertThat(token.refreshToken()).isEqualTo("rt-4q");
    assertThat(token.expiresIn()).isEqualTo(3600L);
    assertThat(token.toString()).contains(GRANT).doesNotContain("at-9x", "rt-4q", "eyJ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"0\"", "0"})
  void shouldParseOAuthShapedErrorWithStringOrNumericCode(String errorCode) {
    nylas.script(
        "POST",
        TOKEN,
        json(
            400,
            """
            {"error":"invalid_grant","error_description":"code already used",
             "error_uri":"https://docs.example/err","error_code":%s,"request_id":"req-oauth"}"""
                .formatted(errorCode)));

    NylasApiException e = catchApiError(() -> client.exchangeCode("code-1", REDIRECT));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.kind()).isEqualTo(NylasApiException.Kind.CLIENT);
    assertThat(e.type()).isEqualTo("invalid_grant");
    assertThat(e.errorCode()).isEqualTo("0");
    assertThat(e.requestId()).isEqualTo("req-oauth");
    assertThat(e.getMessage()).contains("code already used");
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void shouldNotRetryCodeExchangeBecauseCodesAreSingleUse() {
    nylas.script("POST", TOKEN, json(503, error("req-503", "provider_error", "busy")));

    NylasApiException e = catchApiError(() -> client.exchangeCode("code-1", REDIRECT));

    assertThat(e.retryable()).isTrue();
    assertThat(nylas.requestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldRedactApiKeyEchoedBackInAnError() {
    nylas.script(
        "POST",
        TOKEN,
        json(
            401,
            """
            {"error":"invalid_client","error_description":"client_secret %s is not valid",
             "request_id":"req-oauth"}"""
                .formatted(API_KEY)));

    NylasApiException e = catchApiError(() -> client.exchangeCode("code-1", REDIRECT));

    assertThat(e.getMessage()).doesNotContain(API_KEY).contains("client_secret [redacted]");
  }
}
