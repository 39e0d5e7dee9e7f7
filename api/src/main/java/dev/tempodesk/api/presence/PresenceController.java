package dev.tempodesk.api.presence;

import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.presence.PresenceRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who else has a ticket open (issue 20): the ticket page renews the signed-in agent's presence
 * every few seconds and at once when they start or stop writing, and removes it when it closes. A
 * presence not renewed within {@code tempodesk.presence.ttl} (30 s) lapses by itself. Every change
 * goes on the live stream as {@code presence.changed}, to staff only. Staff only.
 */
@RestController
@RequestMapping("/api/tickets/{number}/presence")
@Tag(name = "Tickets")
class PresenceController {
  private final PresenceRepository presence;
  private final VisibleTickets visible;
  private final CurrentActor actor;
  private final Duration ttl;

  PresenceController(
      PresenceRepository presence,
      VisibleTickets visible,
      CurrentActor actor,
      @Value("${tempodesk.presence.ttl:PT30S}") Duration ttl) {
    this.presence = presence;
    this.visible = visible;
    this.actor = actor;
    this.ttl = ttl;
  }

  @GetMapping
  @Operation(
      operationId = "listTicketPresence",
      summary = "The other agents who have the ticket open, and whether they are writing")
  List<PresenceDto> list(@PathVariable long number) {
    requireTicket(number);
    return presence.present(number, actor.required().id()).stream().map(PresenceDto::from).toList();
  }

  @PutMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "putTicketPresence",
      summary =
          "I have the ticket open (a heartbeat, every ~10 s and when writing starts or stops)",
      description =
          "Keeps the signed-in agent's presence for tempodesk.presence.ttl (30 s). Lapsed"
              + " presences of any ticket are cleaned up on the way.")
  void heartbeat(@PathVariable long number, @RequestBody(required = false) PresenceBody body) {
    requireTicket(number);
    boolean typing = body != null && Boolean.TRUE.equals(body.typing());
    presence.deleteExpired();
    presence.heartbeat(
        number,
        actor.required().id(),
        typing ? PresenceRepository.TYPING : PresenceRepository.VIEWING,
        ttl);
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "leaveTicketPresence", summary = "I closed the ticket")
  void leave(@PathVariable long number) {
    presence.leave(number, actor.required().id());
  }

  private void requireTicket(long number) {
    visible.require(number);
  }
}
