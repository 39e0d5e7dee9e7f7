package dev.tempodesk.api.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API token settings ({@code tempodesk.api-tokens.*}; env {@code TEMPODESK_APITOKENS_MAXLIFETIME}).
 *
 * @param maxLifetime the longest a token may live (default 365 days); a token created without an
 *     expiry gets this one. Zero: no maximum, and a token without expiry never expires.
 */
@ConfigurationProperties("tempodesk.api-tokens")
public record ApiTokenSettings(Duration maxLifetime) {
  public ApiTokenSettings {
    maxLifetime =
        maxLifetime == null || maxLifetime.isNegative() ? Duration.ofDays(365) : maxLifetime;
  }

  boolean limited() {
    return !maxLifetime.isZero();
  }
}
