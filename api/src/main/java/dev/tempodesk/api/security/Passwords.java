package dev.tempodesk.api.security;

import dev.tempodesk.api.error.FieldException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password policy and hashing (BCrypt): the one home of the rule, applied to every password set
 * through the API (agents, portal contacts, one's own) and to {@code TEMPODESK_ADMIN_PASSWORD}. The
 * documented demo logins of the embedded mode keep their short password ({@link #hashDemo}).
 */
@Component
public class Passwords {
  public static final int MIN_LENGTH = 10;
  // BCrypt looks at 72 bytes at most; longer passwords would silently lose their tail.
  public static final int MAX_LENGTH = 72;

  private final PasswordEncoder encoder;

  public Passwords(PasswordEncoder encoder) {
    this.encoder = encoder;
  }

  /**
   * What is wrong with a password, if anything: fewer than {@value #MIN_LENGTH} characters, nothing
   * but white space, or more than {@value #MAX_LENGTH} bytes.
   */
  public static Optional<String> problem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
    }
    if (password
        .codePoints()
        .allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
      return Optional.of("A password cannot be only spaces.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
      return Optional.of("A password may have at most " + MAX_LENGTH + " bytes.");
    }
    return Optional.empty();
  }

  /** The BCrypt hash of an acceptable password; otherwise 422 naming {@code field}. */
  public String hash(String field, String password) {
    problem(password)
        .ifPresent(
            problem -> {
              throw FieldException.invalid(field, problem);
            });
    return encoder.encode(password);
  }

  /** Whether the password is the one the hash was made from. */
  public boolean matches(String password, String hash) {
    return hash != null && encoder.matches(password, hash);
  }

  /** Hashes without the rules: only for the demo logins, whose password is "demo". */
  public String hashDemo(String password) {
    return encoder.encode(password);
  }
}
