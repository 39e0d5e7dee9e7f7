package dev.tempodesk.fakes.nylas;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The grants of the application. One grant per address, as Nylas keeps it; a path may name a grant
 * by id, by address, or as {@code grant:<id>} / {@code email:<address>}.
 */
final class Grants {
  private final Clock clock;
  private final Map<String, FakeMailbox> byId = new LinkedHashMap<>();

  Grants(Clock clock) {
    this.clock = clock;
  }

  synchronized FakeMailbox add(String grantId, String email) {
    return add(grantId, email, FakeMailbox.DEFAULT_PROVIDER);
  }

  /** A grant of that provider; an existing grant keeps the provider it was made with. */
  synchronized FakeMailbox add(String grantId, String email, String provider) {
    FakeMailbox existing = byEmail(email);
    if (existing != null && !existing.grantId().equals(grantId)) {
      throw new IllegalArgumentException(email + " already has grant " + existing.grantId());
    }
    return byId.computeIfAbsent(
        grantId, id -> new FakeMailbox(id, email, provider, clock.instant().getEpochSecond()));
  }

  /** The grant of that address, created with a UUID id if there is none (hosted OAuth). */
  synchronized FakeMailbox forEmail(String email) {
    FakeMailbox existing = byEmail(email);
    return existing != null ? existing : add(UUID.randomUUID().toString(), email);
  }

  /** Null if unknown. */
  synchronized FakeMailbox find(String reference) {
    if (reference.startsWith("grant:")) {
      return byId.get(reference.substring("grant:".length()));
    }
    if (reference.startsWith("email:")) {
      return byEmail(reference.substring("email:".length()));
    }
    FakeMailbox box = byId.get(reference);
    return box != null ? box : byEmail(reference);
  }

  FakeMailbox require(String grantId) {
    FakeMailbox box = find(grantId);
    if (box == null) {
      throw new IllegalArgumentException("no grant " + grantId + "; call addGrant first");
    }
    return box;
  }

  private FakeMailbox byEmail(String email) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return byId.values().stream()
        .filter(box -> box.email().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElse(null);
  }
}
