package dev.tempodesk.api.security;

import dev.tempodesk.workflows.ticket.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is making the current request, for the audit trail and for per-person views. Outside a
 * signed-in request (workflows, mail sync, start-up jobs) the actor is Tempodesk itself.
 */
@Component
public class CurrentActor {

  /**
   * The signed-in agent or contact, or {@link Actor#SYSTEM} when nobody is signed in. A call made
   * with an API token is the token's owner "via token <name>".
   */
  public Actor get() {
    return user().map(this::of).orElse(Actor.SYSTEM);
  }

  /**
   * How the audit trail names this person: with the current request's API token when the request
   * was made with one of theirs.
   */
  public Actor of(SignedInUser user) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ApiTokenAuthentication token
        && token.getPrincipal().equals(user)) {
      return token.actor();
    }
    return user.actor();
  }

  public Optional<SignedInUser> user() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
      return Optional.of(user);
    }
    return Optional.empty();
  }

  /** The signed-in user; only for endpoints that the security rules open to signed-in users. */
  public SignedInUser required() {
    return user().orElseThrow(() -> new IllegalStateException("No one is signed in"));
  }
}
