package dev.tempodesk.api.config;

import dev.tempodesk.activities.ActivityLiveness;
import dev.tempodesk.activities.assist.AssistBudget;
import dev.tempodesk.activities.assist.AssistProvider;
import dev.tempodesk.activities.assist.AssistSettings;
import dev.tempodesk.activities.assist.OkHttpAssistModel;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link AssistProvider} bean: always present, {@link AssistProvider#off() off} without
 * TEMPODESK_ASSIST_URL, else holding the one {@link OkHttpAssistModel} of the process (so its
 * per-minute budget is the process's). A malformed TEMPODESK_ASSIST_* value stops the start naming
 * the variable.
 */
@Configuration
@EnableConfigurationProperties(AssistProperties.class)
class AssistConfig {
  private static final Logger log = LoggerFactory.getLogger(AssistConfig.class);
  private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

  @Bean
  AssistProvider assistProvider(AssistProperties properties, Clock clock) {
    Optional<AssistSettings> settings = settings(properties);
    if (settings.isEmpty()) {
      log.info("Assist: off (TEMPODESK_ASSIST_URL is not set)");
      return AssistProvider.off();
    }
    AssistSettings on = settings.get();
    log.info("Assist: model {} at {}", on.model(), on.baseUrl());
    return AssistProvider.of(
        new OkHttpAssistModel(
            on,
            OkHttpAssistModel.defaultHttpClient(on),
            ActivityLiveness.sleeper(),
            ActivityLiveness.progress(),
            new AssistBudget(on.perMinute(), clock),
            clock),
        on.model());
  }

  /** The provider's settings, or empty when TEMPODESK_ASSIST_URL is absent. */
  static Optional<AssistSettings> settings(AssistProperties properties) {
    String url = RuntimeSettings.httpUrl("TEMPODESK_ASSIST_URL", properties.url(), null);
    if (url == null) {
      return Optional.empty();
    }
    HttpUrl base = HttpUrl.parse(url);
    if (base == null) {
      throw new InvalidSettingException(
          "TEMPODESK_ASSIST_URL", "must be an http(s) URL (got '" + properties.url() + "')");
    }
    if (properties.model() == null) {
      throw new InvalidSettingException(
          "TEMPODESK_ASSIST_MODEL", "must be set when TEMPODESK_ASSIST_URL is (e.g. llama3.1)");
    }
    return Optional.of(
        AssistSettings.of(
            base,
            properties.model(),
            properties.apiKey(),
            perMinute(properties.perMinute()),
            timeout(properties.timeout())));
  }

  static int perMinute(String value) {
    if (value == null) {
      return AssistSettings.DEFAULT_PER_MINUTE;
    }
    int perMinute;
    try {
      perMinute = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      perMinute = 0;
    }
    if (perMinute < 1) {
      throw new InvalidSettingException(
          "TEMPODESK_ASSIST_PER_MINUTE",
          "must be a whole number, at least 1 (got '" + value + "')");
    }
    return perMinute;
  }

  /** Seconds ({@code 45}) or an ISO-8601 duration ({@code PT45S}), more than 0, at most 10 min. */
  static Duration timeout(String value) {
    if (value == null) {
      return AssistSettings.DEFAULT_TIMEOUT;
    }
    Duration timeout;
    try {
      timeout =
          value.chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(value))
              : Duration.parse(value);
    } catch (NumberFormatException | DateTimeParseException e) {
      timeout = Duration.ZERO;
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new InvalidSettingException(
          "TEMPODESK_ASSIST_TIMEOUT",
          "must be seconds or an ISO-8601 duration, more than 0 and at most PT10M (got '"
              + value
              + "')");
    }
    return timeout;
  }
}
