package dev.tempodesk.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assist provider ({@code tempodesk.assist.*}; the environment variables are wired in
 * application.yaml). Kept as text so that a malformed value stops the start naming its variable
 * ({@link AssistConfig}); blank is absent.
 *
 * @param url base URL of an OpenAI-compatible API (TEMPODESK_ASSIST_URL), e.g.
 *     http://localhost:11434/v1; absent: assist is off
 * @param model the model (TEMPODESK_ASSIST_MODEL); required with a URL
 * @param apiKey sent as a bearer token (TEMPODESK_ASSIST_API_KEY); optional
 * @param perMinute calls per minute from this process (TEMPODESK_ASSIST_PER_MINUTE; default 30)
 * @param timeout the longest one call may wait for the model (TEMPODESK_ASSIST_TIMEOUT; seconds or
 *     ISO-8601; default 30 s)
 */
@ConfigurationProperties("tempodesk.assist")
public record AssistProperties(
    String url, String model, String apiKey, String perMinute, String timeout) {

  public AssistProperties {
    url = blankToNull(url);
    model = blankToNull(model);
    apiKey = blankToNull(apiKey);
    perMinute = blankToNull(perMinute);
    timeout = blankToNull(timeout);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "AssistProperties[url=%s, model=%s, apiKey=%s, perMinute=%s, timeout=%s]"
        .formatted(url, model, apiKey == null ? null : "[redacted]", perMinute, timeout);
  }
}
