package dev.tempodesk.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code tempodesk.security.*}; env {@code TEMPODESK_SECURITY_LOGIN_...}) and the
 * first admin ({@code tempodesk.admin.*}; env {@code TEMPODESK_ADMIN_EMAIL}, {@code
 * TEMPODESK_ADMIN_PASSWORD}, {@code TEMPODESK_ADMIN_NAME}).
 */
public final class SecuritySettings {
  private SecuritySettings() {}

  /**
   * Sign-in throttling (README, "Sign-in throttling"; {@link LoginRateLimiter}).
   *
   * @param failuresBeforeDelay failures of one (address, client) pair before it waits
   * @param firstDelay the pair's first wait; each further failure doubles it
   * @param maxDelay the longest wait, for a pair and for a client
   * @param maxFailuresPerClient failures of one client (over all addresses) before it waits for the
   *     addresses it has failed on; never for an address it has not failed on
   * @param window how long failures are remembered after the last one (at least {@code maxDelay})
   * @param alertClients an address failing from this many clients within the window…
   * @param alertFailures …and this often in all tells the admins (once per window)
   */
  @ConfigurationProperties("tempodesk.security.login")
  public record Login(
      int failuresBeforeDelay,
      Duration firstDelay,
      Duration maxDelay,
      int maxFailuresPerClient,
      Duration window,
      int alertClients,
      int alertFailures) {
    public Login {
      failuresBeforeDelay = failuresBeforeDelay <= 0 ? 5 : failuresBeforeDelay;
      firstDelay = positiveOr(firstDelay, Duration.ofSeconds(1));
      maxDelay = positiveOr(maxDelay, Duration.ofMinutes(15));
      maxFailuresPerClient = maxFailuresPerClient <= 0 ? 20 : maxFailuresPerClient;
      window = positiveOr(window, Duration.ofHours(1));
      window = window.compareTo(maxDelay) < 0 ? maxDelay : window;
      alertClients = alertClients <= 0 ? 5 : alertClients;
      alertFailures = alertFailures <= 0 ? 20 : alertFailures;
    }

    private static Duration positiveOr(Duration given, Duration fallback) {
      return given == null || given.isNegative() || given.isZero() ? fallback : given;
    }
  }

  /** The admin created when no admin can sign in (production bootstrap). */
  @ConfigurationProperties("tempodesk.admin")
  public record Admin(String email, String password, String name) {
    public boolean given() {
      return email != null && !email.isBlank() && password != null && !password.isEmpty();
    }
  }
}
