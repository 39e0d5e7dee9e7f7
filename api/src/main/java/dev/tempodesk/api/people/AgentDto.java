package dev.tempodesk.api.people;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import java.time.OffsetDateTime;
import java.util.List;

/** An agent as the API shows it; never the password hash, only whether one is set. */
public record AgentDto(
    long id,
    String email,
    String displayName,
    String role,
    int capacity,
    boolean available,
    boolean active,
    boolean canSignIn,
    List<String> skills,
    OffsetDateTime createdAt) {

  static AgentDto from(AgentsRecord row) {
    return new AgentDto(
        row.getId(),
        row.getEmail(),
        row.getDisplayName(),
        row.getRole(),
        row.getCapacity(),
        row.getAvailable(),
        row.getActive(),
        row.getPasswordHash() != null,
        row.getSkills() == null ? List.of() : List.of(row.getSkills()),
        row.getCreatedAt());
  }
}
