package dev.tempodesk.activities.nylas;

/**
 * Result of a hosted-OAuth code exchange. {@code scope} is one space-separated string here; {@code
 * refreshToken} is present only with {@code access_type=offline}.
 */
public record TokenResponse(
    String accessToken,
    String tokenType,
    Long expiresIn,
    String scope,
    String grantId,
    String email,
    String provider,
    String idToken,
    String refreshToken) {

  @Override
  public String toString() {
    return "TokenResponse[grantId=%s, email=%s, provider=%s, tokenType=%s, expiresIn=%s, scope=%s, tokens=[redacted]]"
        .formatted(grantId, email, provider, tokenType, expiresIn, scope);
  }
}
