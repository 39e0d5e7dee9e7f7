package dev.tempodesk.api.signature;

import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.signature.SignatureDtos.AppendedSignatureDto;
import dev.tempodesk.api.signature.SignatureDtos.SignatureDto;
import dev.tempodesk.api.signature.SignatureDtos.SignatureRequest;
import dev.tempodesk.api.ticket.TicketRefusals;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.ticket.TicketRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signatures: each agent edits their own ({@code /api/me/signature}), admins anyone's and the
 * mailboxes' footers; every agent reads the footers and what a reply on a ticket gets appended.
 */
@RestController
@Tag(name = "Signatures")
class SignatureController {
  private static final String PLACEHOLDERS =
      " Placeholders as listed by GET /api/macros/placeholders, filled in when a reply is sent; an"
          + " unknown one is refused (422 naming html).";

  private final Signatures signatures;
  private final TicketRepository tickets;
  private final CurrentActor actor;
  private final VisibleTickets visible;

  SignatureController(
      Signatures signatures, TicketRepository tickets, CurrentActor actor, VisibleTickets visible) {
    this.visible = visible;
    this.signatures = signatures;
    this.tickets = tickets;
    this.actor = actor;
  }

  @GetMapping("/api/me/signature")
  @Operation(operationId = "getMySignature", summary = "The signed-in agent's signature")
  SignatureDto mine() {
    return signatures.ofAgent(actor.required().id());
  }

  @PutMapping("/api/me/signature")
  @Operation(
      operationId = "setMySignature",
      summary = "Set (or, empty, remove) the signed-in agent's signature",
      description = "Appended to the agent's replies, never to notes." + PLACEHOLDERS)
  SignatureDto setMine(@Valid @RequestBody SignatureRequest request) {
    long me = actor.required().id();
    return signatures.saveForAgent(me, request.html(), me);
  }

  @GetMapping("/api/agents/{id}/signature")
  @Operation(operationId = "getAgentSignature", summary = "An agent's signature (admins)")
  SignatureDto ofAgent(@PathVariable long id) {
    return signatures.ofAgent(id);
  }

  @PutMapping("/api/agents/{id}/signature")
  @Operation(
      operationId = "setAgentSignature",
      summary = "Set (or, empty, remove) an agent's signature (admins)",
      description = "Appended to the agent's replies, never to notes." + PLACEHOLDERS)
  SignatureDto setForAgent(@PathVariable long id, @Valid @RequestBody SignatureRequest request) {
    return signatures.saveForAgent(id, request.html(), actor.required().id());
  }

  @GetMapping("/api/mailboxes/{mailboxId}/signature")
  @Operation(operationId = "getMailboxSignature", summary = "A mailbox's footer")
  SignatureDto ofMailbox(@PathVariable long mailboxId) {
    return signatures.ofMailbox(mailboxId);
  }

  @PutMapping("/api/mailboxes/{mailboxId}/signature")
  @Operation(
      operationId = "setMailboxSignature",
      summary = "Set (or, empty, remove) a mailbox's footer (admins)",
      description =
          "Appended to every agent's replies sent from this mailbox, after the agent's own"
              + " signature."
              + PLACEHOLDERS)
  SignatureDto setForMailbox(
      @PathVariable long mailboxId, @Valid @RequestBody SignatureRequest request) {
    return signatures.saveForMailbox(mailboxId, request.html(), actor.required().id());
  }

  @GetMapping("/api/tickets/{number}/signature")
  @Operation(
      operationId = "getReplySignature",
      summary = "What the signed-in agent's reply on this ticket gets appended",
      description =
          "The agent's signature and the footer of the mailbox the reply is sent from, placeholders"
              + " filled; a reply with signature=false gets neither.")
  AppendedSignatureDto forReply(@PathVariable long number) {
    visible.require(number);
    return signatures.appended(
        tickets.findView(number).orElseThrow(() -> TicketRefusals.noSuchTicket(number)),
        actor.get());
  }
}
