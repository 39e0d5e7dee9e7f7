package dev.tempodesk.activities.nylas;

import java.util.List;

/**
 * A connected mailbox. {@code grantStatus} {@code "invalid"} means the user must re-authenticate.
 */
public record NylasGrant(
    String id,
    String provider,
    String grantStatus,
    String email,
    String name,
    List<String> scope,
    String state,
    Long createdAt,
    Long updatedAt,
    String providerUserId) {

  public NylasGrant {
    scope = Lists.copy(scope);
  }
}
