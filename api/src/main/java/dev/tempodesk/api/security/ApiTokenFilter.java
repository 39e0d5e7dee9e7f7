package dev.tempodesk.api.security;

import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.api.token.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer tdk_…} on /api: the one place where API tokens are checked. A valid
 * token stands for its owner (re-read now: a deactivated owner's tokens are refused) limited by the
 * token's scopes ({@link TokenScopes}); the endpoint rules then judge the owner's role as for a
 * session. Token calls carry no cookie, so they skip CSRF, and they never create a session (the
 * context is set for this request only, never saved).
 *
 * <p>Unknown, revoked or expired token, or an owner who may no longer sign in: 401. A token without
 * the scope the endpoint needs, or on an endpoint closed to tokens: 403 naming the scope.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;
  private final Accounts accounts;

  private ApiTokenFilter(ApiTokens tokens, Accounts accounts) {
    this.tokens = tokens;
    this.accounts = accounts;
  }

  /** The filter with its collaborators from the application context of {@code http}. */
  static ApiTokenFilter of(HttpSecurity http) {
    ApplicationContext context = http.getSharedObject(ApplicationContext.class);
    return new ApiTokenFilter(context.getBean(ApiTokens.class), context.getBean(Accounts.class));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return !request.getRequestURI().startsWith("/api/")
        || header == null
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
    ApiTokens.Verdict verdict = tokens.verify(secret);
    if (verdict instanceof ApiTokens.Refused refused) {
      unauthenticated(request, response, refused.reason());
      return;
    }
    ApiTokens.Valid token = (ApiTokens.Valid) verdict;
    Optional<SignedInUser> owner = accounts.agent(token.ownerId());
    if (owner.isEmpty()) {
      unauthenticated(request, response, "The token's owner may no longer sign in.");
      return;
    }
    TokenScopes.Need need = TokenScopes.needed(request);
    if (need instanceof TokenScopes.SessionOnly) {
      forbidden(request, response, "API tokens cannot call this endpoint; sign in instead.", null);
      return;
    }
    TokenScope scope = ((TokenScopes.Scope) need).scope();
    if (!token.scopes().contains(scope)) {
      forbidden(
          request,
          response,
          "This token lacks the scope " + scope.value() + " that this endpoint needs.",
          scope);
      return;
    }
    tokens.recordUse(
        token.id(), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        new ApiTokenAuthentication(owner.get(), token.id(), token.name(), token.scopes()));
    SecurityContextHolder.setContext(context);
    CsrfFilter.skipRequest(request);
    chain.doFilter(request, response);
  }

  private static void unauthenticated(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    ProblemResponses.write(
        request,
        response,
        ApiExceptionHandler.problem(
            HttpStatus.UNAUTHORIZED, "unauthenticated", "Invalid token", detail, null));
  }

  private static void forbidden(
      HttpServletRequest request, HttpServletResponse response, String detail, TokenScope scope)
      throws IOException {
    ProblemDetail problem =
        ApiExceptionHandler.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    if (scope != null) {
      problem.setProperty("scope", scope.value());
    }
    ProblemResponses.write(request, response, problem);
  }
}
