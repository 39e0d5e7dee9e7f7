package dev.tempodesk.api.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API token may be used for. Which endpoints each scope opens is {@link TokenScopes}; a
 * token never exceeds its owner's role, which the endpoint rules of {@link SecurityConfig} still
 * check.
 */
public enum TokenScope {
  TICKETS_READ("tickets:read"),
  TICKETS_WRITE("tickets:write"),
  PEOPLE_READ("people:read"),
  PEOPLE_WRITE("people:write"),
  STATS_READ("stats:read"),
  /** Everything else under /api (settings, agents, mailboxes …); only for admins' tokens. */
  ADMIN("admin");

  private final String value;

  TokenScope(String value) {
    this.value = value;
  }

  /** The scope as the API writes it, e.g. {@code tickets:read}. */
  public String value() {
    return value;
  }

  public static Optional<TokenScope> of(String value) {
    return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
  }
}
