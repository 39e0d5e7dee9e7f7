package dev.tempodesk.api.portal;

import dev.tempodesk.api.attachment.MessageAttachmentDto;
import dev.tempodesk.api.attachment.MessageAttachments;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.CursorParameter;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.ticket.TicketCursor;
import dev.tempodesk.db.ticket.TicketFilter;
import dev.tempodesk.db.ticket.TicketPage;
import dev.tempodesk.db.ticket.TicketRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer portal: a signed-in customer's own tickets only. Another customer's ticket number
 * answers 404, exactly like a number that does not exist.
 */
@RestController
@RequestMapping("/api/portal/tickets")
@Tag(name = "Customer portal")
class PortalController {
  private final PortalTickets portal;
  private final TicketRepository tickets;
  private final MessageRepository messages;
  private final MessageAttachments attachments;
  private final CurrentActor current;

  PortalController(
      PortalTickets portal,
      TicketRepository tickets,
      MessageRepository messages,
      MessageAttachments attachments,
      CurrentActor current) {
    this.portal = portal;
    this.tickets = tickets;
    this.messages = messages;
    this.attachments = attachments;
    this.current = current;
  }

  @GetMapping
  @Operation(
      operationId = "listMyTickets",
      summary = "My tickets, closed ones included, most urgent first")
  PortalDtos.PortalTicketPage list(
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false)
          String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    TicketCursor after = CursorParameter.parse(cursor);
    SignedInUser me = current.required();
    TicketPage page =
        tickets.list(
            new TicketFilter(Set.of(), Set.of(), null, false, me.id(), null, true), after, limit);
    return new PortalDtos.PortalTicketPage(
        page.items().stream().map(PortalDtos.PortalTicket::from).toList(),
        page.next().map(TicketCursor::encode).orElse(null));
  }

  @GetMapping("/{number}")
  @Operation(
      operationId = "getMyTicket",
      summary = "One of my tickets with its public messages (never internal notes)")
  PortalDtos.PortalTicketDetail get(@PathVariable long number) {
    return detail(portal.own(current.required(), number).getNumber());
  }

  @PostMapping
  @Operation(operationId = "createMyTicket", summary = "Open a ticket (channel PORTAL)")
  ResponseEntity<PortalDtos.PortalTicketDetail> create(
      @Valid @RequestBody PortalDtos.NewPortalTicket request) {
    long number = portal.open(current.required(), request);
    return ResponseEntity.created(URI.create("/api/portal/tickets/" + number)).body(detail(number));
  }

  @PostMapping("/{number}/replies")
  @Operation(
      operationId = "replyToMyTicket",
      summary = "Reply to my ticket",
      description =
          "Resumes a PENDING ticket and reopens a CLOSED one within the reopen window; after it,"
              + " 409 (open a new ticket)."
              + " Also as multipart/form-data, with files: "
              + "part reply (JSON, the same body as the JSON form) and one part"
              + " files per file (413 too large, 415 executables and scripts, 422 empty or"
              + " unnamed).")
  ResponseEntity<PortalDtos.PortalTicketDetail> reply(
      @PathVariable long number, @Valid @RequestBody PortalDtos.PortalReply reply) {
    portal.reply(current.required(), number, reply.body(), List.of());
    return ResponseEntity.created(URI.create("/api/portal/tickets/" + number)).body(detail(number));
  }

  @PostMapping(path = "/{number}/replies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(hidden = true) // documented on the JSON operation (one path, one operation)
  ResponseEntity<PortalDtos.PortalTicketDetail> replyWithFiles(
      @PathVariable long number,
      @Valid @RequestPart("reply") PortalDtos.PortalReply reply,
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    portal.reply(current.required(), number, reply.body(), files);
    return ResponseEntity.created(URI.create("/api/portal/tickets/" + number)).body(detail(number));
  }

  private PortalDtos.PortalTicketDetail detail(long number) {
    List<MessagesRecord> shown =
        messages.listForTicket(number).stream()
            .filter(message -> "PUBLIC".equals(message.getVisibility()))
            .toList();
    Map<UUID, List<MessageAttachmentDto>> files = attachments.of(shown);
    return new PortalDtos.PortalTicketDetail(
        PortalDtos.PortalTicket.from(tickets.findView(number).orElseThrow()),
        shown.stream()
            .map(m -> PortalDtos.PortalMessage.from(m, files.getOrDefault(m.getId(), List.of())))
            .toList());
  }
}
