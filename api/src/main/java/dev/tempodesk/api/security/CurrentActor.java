package dev.tempodesk.api.security;

import dev.tempodesk.workflows.ticket.Actor;
import org.springframework.stereotype.Component;

/**
 * Who is making the current request, for the audit trail. Until sign-in exists every request is
 * recorded as the unauthenticated API; the people-and-access work replaces this with the signed-in
 * agent or contact.
 */
@Component
public class CurrentActor {
  static final Actor UNAUTHENTICATED_API = new Actor(Actor.Kind.SYSTEM, null, "API (no sign-in)");

  public Actor get() {
    return UNAUTHENTICATED_API;
  }
}
