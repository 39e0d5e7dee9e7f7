package dev.tempodesk.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The scope map's fall-backs, for endpoints the matrix cannot call yet: a new path under a scope's
 * prefix gets that scope, and anything else needs {@code admin}.
 */
class TokenScopesTest {

  @Test
  void shouldGiveNewPathsUnderAPrefixItsScopeAndEverythingElseTheAdminScope() {
    assertThat(TokenScopes.needed("GET", "/api/tickets/export"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.TICKETS_READ));
    assertThat(TokenScopes.needed("HEAD", "/api/tickets/7/lifecycle"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.TICKETS_READ));
    assertThat(TokenScopes.needed("DELETE", "/api/tickets/7/anything"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.TICKETS_WRITE));
    assertThat(TokenScopes.needed("GET", "/api/stats"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.STATS_READ));
    assertThat(TokenScopes.needed("GET", "/api/stats/export.csv"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.STATS_READ));
    assertThat(TokenScopes.needed("POST", "/api/stats/anything"))
        .as("statistics are read-only for tokens")
        .isEqualTo(new TokenScopes.Scope(TokenScope.ADMIN));
    assertThat(TokenScopes.needed("POST", "/api/agents"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.ADMIN));
    assertThat(TokenScopes.needed("GET", "/api/webhook-subscriptions"))
        .isEqualTo(new TokenScopes.Scope(TokenScope.ADMIN));
  }

  @Test
  void shouldCloseSessionThingsToTokensWhateverTheMethod() {
    assertThat(TokenScopes.needed("GET", "/api/tokens"))
        .isInstanceOf(TokenScopes.SessionOnly.class);
    assertThat(TokenScopes.needed("DELETE", "/api/tokens/3"))
        .isInstanceOf(TokenScopes.SessionOnly.class);
    assertThat(TokenScopes.needed("POST", "/api/auth/login"))
        .isInstanceOf(TokenScopes.SessionOnly.class);
    assertThat(TokenScopes.needed("PUT", "/api/tickets/7/presence"))
        .isInstanceOf(TokenScopes.SessionOnly.class);
    assertThat(TokenScopes.needed("POST", "/api/notifications/read-all"))
        .isInstanceOf(TokenScopes.SessionOnly.class);
  }
}
