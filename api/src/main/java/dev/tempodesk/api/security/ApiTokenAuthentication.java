package dev.tempodesk.api.security;

import dev.tempodesk.workflows.ticket.Actor;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token: the principal is the token's owner with the owner's role
 * (so the endpoint rules judge the owner), and the audit trail names the token.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {
  private final SignedInUser owner;
  private final long tokenId;
  private final String tokenName;
  private final Set<TokenScope> scopes;

  ApiTokenAuthentication(
      SignedInUser owner, long tokenId, String tokenName, Set<TokenScope> scopes) {
    super(owner.authorities());
    this.owner = owner;
    this.tokenId = tokenId;
    this.tokenName = tokenName;
    this.scopes = Set.copyOf(scopes);
    setAuthenticated(true);
  }

  @Override
  public SignedInUser getPrincipal() {
    return owner;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  public long tokenId() {
    return tokenId;
  }

  public String tokenName() {
    return tokenName;
  }

  public Set<TokenScope> scopes() {
    return scopes;
  }

  /** The owner as the audit trail names a change made with this token. */
  public Actor actor() {
    return Actor.agent(owner.id(), viaToken(owner.displayName(), tokenName));
  }

  /** "Ada Lovelace via token CI bot". */
  public static String viaToken(String ownerName, String tokenName) {
    return ownerName + " via token " + tokenName;
  }
}
