package dev.tempodesk.api.presence;

import io.swagger.v3.oas.annotations.media.Schema;

/** The ticket page's heartbeat: the agent is here, and whether they are writing a reply. */
@Schema(description = "The signed-in agent has the ticket open")
public record PresenceBody(
    @Schema(description = "Writing a reply or note now (default false: only viewing)")
        Boolean typing) {}
