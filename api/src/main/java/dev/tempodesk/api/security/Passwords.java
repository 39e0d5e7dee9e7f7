package dev.tempodesk.api.security;

import dev.tempodesk.api.error.FieldException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Password rules and hashing (BCrypt) for every password an admin sets. */
@Component
public class Passwords {
  public static final int MIN_LENGTH = 8;
  // BCrypt looks at 72 bytes at most; longer passwords would silently lose their tail.
  public static final int MAX_LENGTH = 72;

  private final PasswordEncoder encoder;

  public Passwords(PasswordEncoder encoder) {
    this.encoder = encoder;
  }

  /** The BCrypt hash of an acceptable password; otherwise 422 naming {@code field}. */
  public String hash(String field, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw FieldException.invalid(
          field, "A password needs at least " + MIN_LENGTH + " characters.");
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
      throw FieldException.invalid(field, "A password may have at most 72 bytes.");
    }
    return encoder.encode(password);
  }

  /** Hashes without the rules: only for the demo logins, whose password is "demo". */
  public String hashDemo(String password) {
    return encoder.encode(password);
  }
}
