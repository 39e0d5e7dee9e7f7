package dev.tempodesk.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in person on every API request (one primary-key lookup), so deactivating an
 * agent, revoking portal access or changing a role takes effect on their very next request instead
 * of when their session expires.
 */
class SessionRefreshFilter extends OncePerRequestFilter {
  private final Accounts accounts;
  private final SecurityContextRepository contexts;

  SessionRefreshFilter(Accounts accounts, SecurityContextRepository contexts) {
    this.accounts = accounts;
    this.contexts = contexts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    // A token's owner was read just now by ApiTokenFilter, and a token call has no session.
    if (!(authentication instanceof ApiTokenAuthentication)
        && authentication != null
        && authentication.getPrincipal() instanceof SignedInUser user) {
      Optional<SignedInUser> now = accounts.current(user);
      if (now.isEmpty()) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      } else if (!now.get().equals(user)) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                now.get(), null, now.get().authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }
}
