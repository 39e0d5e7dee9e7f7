package dev.tempodesk.api.mail;

import java.security.SecureRandom;
import java.util.Base64;

/** Mail that no fix of address handling makes storable, for quarantine tests and the demo. */
public final class PoisonMail {
  private PoisonMail() {}

  /**
   * A Message-ID header no btree index can hold: Postgres refuses the message row ("index row size
   * exceeds btree version 4 maximum 2704", SQLState 54000) however the sender is written. Random,
   * so compression cannot shrink it under the limit. Real mail has carried such headers.
   */
  public static String oversizeMessageId() {
    byte[] noise = new byte[6000];
    new SecureRandom().nextBytes(noise);
    return "<" + Base64.getUrlEncoder().withoutPadding().encodeToString(noise) + "@poison.example>";
  }
}
