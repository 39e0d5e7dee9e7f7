package dev.tempodesk.activities.assist;

import dev.tempodesk.activities.assist.AssistFailure.Kind;
import dev.tempodesk.activities.nylas.Backoff;
import dev.tempodesk.activities.nylas.CallProgress;
import dev.tempodesk.activities.nylas.RetryAfter;
import dev.tempodesk.activities.nylas.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link AssistModel} over an OpenAI-compatible {@code POST {base}/chat/completions}, with OkHttp.
 * Each call first takes one call from the process's {@link AssistBudget} (spent: {@code
 * RATE_LIMITED} without calling out), then tries up to {@link AssistSettings#maxAttempts()} times
 * on 429, 5xx and connection failures, waiting as {@code Retry-After} says or with jittered
 * exponential backoff; every retry takes from the budget too. A call that runs into the timeout is
 * not repeated here (the model is slow, not away): it fails {@code UNAVAILABLE} for the activity's
 * retry policy to decide. Neither the API key nor the prompt's text is ever logged.
 */
public final class OkHttpAssistModel implements AssistModel {
  private static final Logger log = LoggerFactory.getLogger(OkHttpAssistModel.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int MAX_ERROR_TEXT = 300;

  /** Low, so the same thread gives much the same summary; not 0, which some servers reject. */
  static final double TEMPERATURE = 0.2;

  private final AssistSettings settings;
  private final HttpUrl endpoint;
  private final OkHttpClient http;
  private final Sleeper sleeper;
  private final CallProgress progress;
  private final AssistBudget budget;
  private final Clock clock;

  public OkHttpAssistModel(
      AssistSettings settings,
      OkHttpClient http,
      Sleeper sleeper,
      CallProgress progress,
      AssistBudget budget,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.endpoint =
        settings
            .baseUrl()
            .newBuilder()
            .addPathSegment("chat")
            .addPathSegment("completions")
            .build();
    this.http = Objects.requireNonNull(http, "http");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Connecting takes at most 10 s, one whole attempt at most {@link AssistSettings#timeout()}. */
  public static OkHttpClient defaultHttpClient(AssistSettings settings) {
    Duration connect =
        settings.timeout().compareTo(Duration.ofSeconds(10)) < 0
            ? settings.timeout()
            : Duration.ofSeconds(10);
    return new OkHttpClient.Builder()
        .connectTimeout(connect)
        .readTimeout(settings.timeout())
        .writeTimeout(settings.timeout())
        .callTimeout(settings.timeout())
        .retryOnConnectionFailure(false)
        .build();
  }

  @Override
  public AssistAnswer complete(AssistPrompt prompt) {
    Objects.requireNonNull(prompt, "prompt");
    Request request = request(prompt);
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> spent = budget.take();
      if (spent.isPresent()) {
        throw new AssistFailure(
            Kind.RATE_LIMITED,
            "the assist budget of %d calls per minute is spent".formatted(budget.perMinute()),
            spent.get());
      }
      try {
        return once(request);
      } catch (Retry retry) {
        AssistFailure failure = retry.failure;
        if (attempt >= settings.maxAttempts()) {
          throw failure;
        }
        Duration delay =
            failure.retryAfter().isPresent()
                ? failure.retryAfter().get()
                : Backoff.equalJitter(attempt);
        if (delay.compareTo(settings.maxRetryAfter()) > 0) {
          throw failure;
        }
        log.info(
            "Assist {} call failed on attempt {}/{} ({}), retrying in {} ms",
            prompt.purpose(),
            attempt,
            settings.maxAttempts(),
            failure.kind(),
            delay.toMillis());
        pause(delay, failure);
      }
    }
  }

  /** A failure this call may be repeated after. */
  private static final class Retry extends RuntimeException {
    final AssistFailure failure;

    Retry(AssistFailure failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }

  private Request request(AssistPrompt prompt) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", settings.model());
    ArrayNode messages = body.putArray("messages");
    for (AssistMessage message : prompt.messages()) {
      messages.addObject().put("role", message.role()).put("content", message.content());
    }
    body.put("temperature", TEMPERATURE);
    if (prompt.maxTokens() != null) {
      body.put("max_tokens", prompt.maxTokens());
    }
    if (prompt.json()) {
      body.putObject("response_format").put("type", "json_object");
    }
    body.put("stream", false);
    Request.Builder request =
        new Request.Builder()
            .url(endpoint)
            .header("Accept", "application/json")
            .post(RequestBody.create(MAPPER.writeValueAsBytes(body), JSON));
    if (settings.apiKey() != null) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return request.build();
  }

  private AssistAnswer once(Request request) {
    try (CallProgress.Attempt attempt = progress.started();
        Response response = http.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw failure(response, body);
      }
      return answer(body);
    } catch (InterruptedIOException timeout) {
      throw new AssistFailure(
          Kind.UNAVAILABLE,
          "the assist model did not answer within " + settings.timeout(),
          null,
          timeout);
    } catch (IOException e) {
      throw new Retry(
          new AssistFailure(
              Kind.UNAVAILABLE, "the assist model cannot be reached: " + e.getMessage(), null, e));
    }
  }

  /** 429 and 5xx may be retried; any other 4xx is a configuration problem. */
  private RuntimeException failure(Response response, String body) {
    int status = response.code();
    Duration retryAfter =
        RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null);
    String detail = "the assist model answered " + status + errorText(body);
    if (status == 429) {
      return new Retry(new AssistFailure(Kind.RATE_LIMITED, detail, retryAfter));
    }
    if (status >= 500 || status == 408) {
      return new Retry(new AssistFailure(Kind.UNAVAILABLE, detail, retryAfter));
    }
    return new AssistFailure(Kind.REFUSED, detail, null);
  }

  /** {@code error.message} of the OpenAI error shape, shortened; empty when there is none. */
  private static String errorText(String body) {
    try {
      JsonNode message = MAPPER.readTree(body).path("error").path("message");
      if (message.isString() && !message.asString().isBlank()) {
        String text = message.asString().strip();
        return ": "
            + (text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text);
      }
    } catch (JacksonException notJson) {
      // a proxy's HTML page, say: the status says enough
    }
    return "";
  }

  /** {@code choices[0].message.content}, strictly: anything else is MALFORMED. */
  private AssistAnswer answer(String body) {
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw malformed("the answer is not JSON");
    }
    if (json == null || !json.isObject()) {
      throw malformed("the answer is not a JSON object");
    }
    JsonNode choices = json.get("choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      throw malformed("the answer has no choices");
    }
    JsonNode message = choices.get(0).get("message");
    if (message == null || !message.isObject()) {
      throw malformed("the answer's first choice has no message");
    }
    JsonNode refusal = message.get("refusal");
    if (refusal != null && refusal.isString() && !refusal.asString().isBlank()) {
      throw new AssistFailure(Kind.REFUSED, "the assist model refused to answer", null);
    }
    JsonNode content = message.get("content");
    if (content == null || !content.isString()) {
      throw malformed("the answer's message has no text content");
    }
    JsonNode model = json.get("model");
    JsonNode usage = json.path("usage");
    return new AssistAnswer(
        content.asString(),
        model != null && model.isString() && !model.asString().isBlank()
            ? model.asString()
            : settings.model(),
        clock.instant(),
        tokens(usage.get("prompt_tokens")),
        tokens(usage.get("completion_tokens")));
  }

  private static int tokens(JsonNode count) {
    return count != null && count.canConvertToInt() && count.asInt() >= 0 ? count.asInt() : 0;
  }

  private static AssistFailure malformed(String problem) {
    return new AssistFailure(Kind.MALFORMED, problem + " (not an OpenAI chat completion)", null);
  }

  private void pause(Duration delay, AssistFailure failure) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "OkHttpAssistModel[" + settings + "]";
  }
}
