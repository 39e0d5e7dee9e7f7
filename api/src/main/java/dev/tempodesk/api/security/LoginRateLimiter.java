package dev.tempodesk.api.security;

import dev.tempodesk.api.error.TooManyRequestsException;
import dev.tempodesk.db.security.LoginAttemptRepository;
import dev.tempodesk.db.security.LoginAttemptRepository.Counted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per email address and per client IP within a sliding window. The attempts
 * live in Postgres, so the limit holds however many replicas serve the logins.
 */
@Component
class LoginRateLimiter {
  private final LoginAttemptRepository attempts;
  private final SecuritySettings.Login settings;
  private final Clock clock;

  LoginRateLimiter(LoginAttemptRepository attempts, SecuritySettings.Login settings, Clock clock) {
    this.attempts = attempts;
    this.settings = settings;
    this.clock = clock;
  }

  /** Records an attempt, or refuses it (429) when the address or the client failed too often. */
  long begin(String email, String clientIp) {
    Instant now = clock.instant();
    attempts.deleteOlderThan(now.minus(settings.window().multipliedBy(4)));
    long attempt = attempts.begin(email, clientIp, now);
    Instant since = now.minus(settings.window());
    // Each count includes this attempt, so the limit-th failure is the last one let through.
    Counted byEmail = attempts.countByEmail(email, since);
    Counted byClient = attempts.countByClientIp(clientIp, since);
    Duration wait = Duration.ZERO;
    if (byEmail.count() > settings.maxFailuresPerEmail()) {
      wait = max(wait, until(byEmail, now));
    }
    if (byClient.count() > settings.maxFailuresPerClient()) {
      wait = max(wait, until(byClient, now));
    }
    if (!wait.isZero()) {
      attempts.finish(attempt, "BLOCKED");
      throw new TooManyRequestsException(
          "Too many failed sign-ins; try again in " + seconds(wait) + " seconds.", wait);
    }
    return attempt;
  }

  void failed(long attempt) {
    attempts.finish(attempt, "FAILED");
  }

  void succeeded(long attempt, String email) {
    attempts.finish(attempt, "SUCCEEDED");
    attempts.clearFailures(email);
  }

  private Duration until(Counted counted, Instant now) {
    Instant oldest = counted.oldest().orElse(now);
    Duration left = Duration.between(now, oldest.plus(settings.window()));
    return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
