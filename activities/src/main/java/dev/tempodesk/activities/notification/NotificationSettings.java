package dev.tempodesk.activities.notification;

import java.time.Duration;

/**
 * How notifications go out.
 *
 * @param webhookUrl TEMPODESK_NOTIFY_WEBHOOK_URL, the ENVIRONMENT webhook subscription's URL (made
 *     at start); null: no such subscription
 * @param limitPerWindow how many email (and, separately, webhook) notifications one person gets per
 *     window; more are recorded as SUPPRESSED. In-app entries are never limited.
 * @param window the rate limit's sliding window
 */
public record NotificationSettings(String webhookUrl, int limitPerWindow, Duration window) {

  public static final int DEFAULT_LIMIT_PER_MINUTE = 10;

  public NotificationSettings {
    if (limitPerWindow < 1) {
      throw new IllegalArgumentException("limitPerWindow must be at least 1");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
  }

  public static NotificationSettings defaults(String webhookUrl) {
    return new NotificationSettings(webhookUrl, DEFAULT_LIMIT_PER_MINUTE, Duration.ofMinutes(1));
  }
}
