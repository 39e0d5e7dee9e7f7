package dev.tempodesk.api.security;

import static dev.tempodesk.db.jooq.Tables.SPRING_SESSION;

import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A person's sign-in sessions. Spring Session JDBC indexes each session by its principal name
 * ({@code spring_session.principal_name}), which is the signed-in person's email address ({@link
 * SignedInUser#getName()}); since an address belongs to one person (V16), the address finds that
 * person's sessions on every replica.
 */
@Component
public class PersonSessions {
  private final FindByIndexNameSessionRepository<?> sessions;
  private final CurrentActor current;
  private final DSLContext dsl;

  PersonSessions(
      FindByIndexNameSessionRepository<?> sessions, CurrentActor current, DSLContext dsl) {
    this.sessions = sessions;
    this.current = current;
    this.dsl = dsl;
  }

  /**
   * After a password change: ends every session of the person with this address, except the current
   * request's session when it is that person's own (someone changing their own password stays
   * signed in where they did it). Answers how many sessions ended.
   */
  public int passwordChanged(SignedInUser.Kind kind, long id, String email) {
    Optional<String> keep =
        current
            .user()
            .filter(user -> user.kind() == kind && user.id() == id)
            .flatMap(user -> currentSessionId());
    int ended = 0;
    for (String sessionId : sessions.findByPrincipalName(email).keySet()) {
      if (keep.isEmpty() || !Objects.equals(keep.get(), sessionId)) {
        sessions.deleteById(sessionId);
        ended++;
      }
    }
    return ended;
  }

  /**
   * After an address change: the person's sessions are found under the new address from now on (a
   * session not used since would otherwise keep the old one until its next request).
   */
  public void addressChanged(String before, String after) {
    if (!before.equals(after)) {
      dsl.update(SPRING_SESSION)
          .set(SPRING_SESSION.PRINCIPAL_NAME, after)
          .where(SPRING_SESSION.PRINCIPAL_NAME.eq(before))
          .execute();
    }
  }

  private static Optional<String> currentSessionId() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      return Optional.ofNullable(request.getRequest().getSession(false)).map(HttpSession::getId);
    }
    return Optional.empty();
  }
}
