package dev.tempodesk.api.security;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.workflows.ticket.Actor;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The person behind a session: an agent (ADMIN, MANAGER or AGENT) or a portal contact (CUSTOMER).
 * Kept in the session, and re-read from the database on every API request (see {@link
 * SessionRefreshFilter}), so a deactivated agent or a changed role takes effect at once.
 */
public record SignedInUser(long id, Kind kind, Role role, String displayName, String email)
    implements Principal, Serializable {

  public enum Kind {
    AGENT,
    CONTACT
  }

  /** An agent as a signed-in person (work done later on their behalf: bulk actions, assist). */
  public static SignedInUser agent(AgentsRecord agent) {
    return new SignedInUser(
        agent.getId(),
        Kind.AGENT,
        Role.valueOf(agent.getRole()),
        agent.getDisplayName(),
        agent.getEmail());
  }

  /** The session's principal name (Spring Session indexes sessions by it): the email address. */
  @Override
  public String getName() {
    return email;
  }

  public List<GrantedAuthority> authorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  /** How the audit trail names this person. */
  public Actor actor() {
    return kind == Kind.AGENT ? Actor.agent(id, displayName) : Actor.contact(id, displayName);
  }
}
