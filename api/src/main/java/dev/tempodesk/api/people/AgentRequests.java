package dev.tempodesk.api.people;

import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.validation.ValidAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the agent endpoints. */
final class AgentRequests {
  private AgentRequests() {}

  private static final String SKILLS =
      "Skills, normalized like ticket tags (\" VPN Access\" → vpn-access); a ticket whose tags"
          + " name skills of its group's members waits for a member with all of them, up to the"
          + " group's skill wait";

  @Schema(description = "A new agent (an employee); customers are contacts")
  record Create(
      @NotBlank @ValidAddress @Size(max = 320) String email,
      @NotBlank @Size(max = 200) String displayName,
      @NotNull @Schema(description = "ADMIN, MANAGER or AGENT") Role role,
      @Min(0) @Max(100) @Schema(description = "Tickets at once; defaults to 1") Integer capacity,
      @Schema(description = "Takes new tickets; defaults to true") Boolean available,
      @Schema(description = SKILLS) List<String> skills,
      @Size(max = 200)
          @Schema(
              description =
                  "At least 10 characters, not only spaces; without one the agent cannot sign in yet")
          String password) {}

  @Schema(
      description =
          "Changes to an agent; absent fields stay. active=false hands the agent's open tickets"
              + " back to the assignment queue.")
  record Patch(
      @ValidAddress @Size(max = 320) String email,
      @Size(min = 1, max = 200) String displayName,
      Role role,
      @Min(0) @Max(100) Integer capacity,
      Boolean available,
      Boolean active,
      @Schema(description = SKILLS + "; absent: unchanged, empty: none") List<String> skills,
      @Size(max = 200)
          @Schema(
              description =
                  "Sets a new password (at least 10 characters, not only spaces); ends the agent's other sessions")
          String password) {}
}
