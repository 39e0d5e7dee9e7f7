package dev.tempodesk.api.token;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The bodies of {@code /api/tokens}. */
final class ApiTokenDtos {
  private ApiTokenDtos() {}

  @Schema(description = "A token to create")
  record ApiTokenRequest(
      @Schema(description = "1 to 80 characters", requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(
              description =
                  "At least one of tickets:read, tickets:write, people:read, people:write,"
                      + " stats:read, admin (admin: admins only)",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> scopes,
      @Schema(
              description =
                  "When it stops working; in the future and within the configured maximum"
                      + " (tempodesk.api-tokens.max-lifetime). Default: the maximum.")
          Instant expiresAt,
      @Schema(
              description =
                  "A service token (admins only): shown to and revocable by every admin; owned"
                      + " by the admin who creates it")
          Boolean service) {}

  @Schema(description = "An API token as listed; its secret is never shown again")
  record ApiTokenDto(
      long id,
      String name,
      @Schema(allowableValues = {"PERSONAL", "SERVICE"}) String kind,
      List<String> scopes,
      @Schema(description = "The secret's first characters, to recognise it") String prefix,
      long ownerId,
      String ownerName,
      Instant createdAt,
      @Schema(description = "Null: never expires", nullable = true) Instant expiresAt,
      @Schema(description = "Null: never used", nullable = true) Instant lastUsedAt,
      @Schema(description = "The client address of the last recorded use", nullable = true)
          String lastUsedIp,
      @Schema(description = "The User-Agent of the last recorded use", nullable = true)
          String lastUsedAgent,
      @Schema(description = "Null: not revoked", nullable = true) Instant revokedAt,
      @Schema(description = "Usable now: neither revoked nor expired") boolean active) {}

  @Schema(description = "A new token with its secret, shown this once")
  record CreatedApiToken(
      ApiTokenDto token,
      @Schema(description = "Send as Authorization: Bearer <secret>; stored only as a hash")
          String secret) {}
}
