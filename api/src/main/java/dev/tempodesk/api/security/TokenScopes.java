package dev.tempodesk.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one map from endpoints to the scope an API token needs for them, first matching rule wins.
 * Endpoints that only make sense in a browser (sign-in, tokens themselves, live stream,
 * notifications, presence, one's own settings, the mailbox OAuth dance) are closed to tokens. What
 * no other rule names needs {@link TokenScope#ADMIN}, so an endpoint added later is never opened to
 * tokens by accident.
 */
public final class TokenScopes {
  private static final Set<String> READ = Set.of("GET", "HEAD");
  private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> ANY = Set.of();

  /** One rule: these methods on these paths need {@code scope} (null: closed to tokens). */
  record Rule(Set<String> methods, List<PathPattern> paths, TokenScope scope) {
    boolean matches(String method, PathContainer path) {
      return (methods.isEmpty() || methods.contains(method))
          && paths.stream().anyMatch(pattern -> pattern.matches(path));
    }
  }

  private static final List<Rule> RULES =
      List.of(
          rule(
              ANY,
              null,
              "/api/auth/**",
              "/api/tokens/**",
              "/api/me/**",
              "/api/stream",
              "/api/notifications/**",
              "/api/tickets/*/presence",
              "/api/mailboxes/connect",
              "/api/mailboxes/callback"),
          rule(READ, TokenScope.STATS_READ, "/api/stats/**"),
          rule(
              READ,
              TokenScope.TICKETS_READ,
              "/api/tickets/**",
              "/api/customers/*/tickets",
              "/api/organizations/*/tickets",
              "/api/tags",
              "/api/attachments/*"),
          rule(WRITE, TokenScope.TICKETS_WRITE, "/api/tickets/**", "/api/attachments/*/retry"),
          rule(
              READ,
              TokenScope.PEOPLE_READ,
              "/api/agents/**",
              "/api/contacts/**",
              "/api/organizations/**",
              "/api/groups/**"),
          rule(WRITE, TokenScope.PEOPLE_WRITE, "/api/contacts/**", "/api/organizations/**"),
          rule(ANY, TokenScope.ADMIN, "/api/**"));

  private TokenScopes() {}

  /** What the request needs from a token. */
  public sealed interface Need {}

  /** The token must carry this scope. */
  public record Scope(TokenScope scope) implements Need {}

  /** No token may call this; sign in instead. */
  public record SessionOnly() implements Need {}

  public static Need needed(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return needed(request.getMethod(), path);
  }

  static Need needed(String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Rule rule : RULES) {
      if (rule.matches(method, container)) {
        return rule.scope() == null ? new SessionOnly() : new Scope(rule.scope());
      }
    }
    return new SessionOnly();
  }

  private static Rule rule(Set<String> methods, TokenScope scope, String... paths) {
    PathPatternParser parser = PathPatternParser.defaultInstance;
    return new Rule(methods, Arrays.stream(paths).map(parser::parse).toList(), scope);
  }
}
