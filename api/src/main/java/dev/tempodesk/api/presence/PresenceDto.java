package dev.tempodesk.api.presence;

import dev.tempodesk.db.presence.PresenceRepository;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Another agent with the ticket open. */
@Schema(description = "An agent who has the ticket open")
public record PresenceDto(
    long agentId,
    String name,
    @Schema(description = "VIEWING, or TYPING while writing a reply or note") String state,
    @Schema(description = "Since when the agent has had the ticket open") OffsetDateTime since,
    @Schema(description = "When this presence lapses unless the agent's page renews it")
        OffsetDateTime expiresAt) {

  static PresenceDto from(PresenceRepository.Present present) {
    return new PresenceDto(
        present.agentId(), present.name(), present.state(), present.since(), present.expiresAt());
  }
}
