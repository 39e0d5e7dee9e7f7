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
   * @param maxFailuresPerEmail failed sign-ins for one address within {@code window} before 429
   * @param maxFailuresPerClient failed sign-ins from one client IP within {@code window} before 429
   * @param window how long a failure counts
   */
  @ConfigurationProperties("tempodesk.security.login")
  public record Login(int maxFailuresPerEmail, int maxFailuresPerClient, Duration window) {
    public Login {
      maxFailuresPerEmail = maxFailuresPerEmail <= 0 ? 5 : maxFailuresPerEmail;
      maxFailuresPerClient = maxFailuresPerClient <= 0 ? 20 : maxFailuresPerClient;
      window = window == null ? Duration.ofMinutes(15) : window;
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
