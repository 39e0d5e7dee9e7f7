package dev.tempodesk.api.ticket;

import dev.tempodesk.api.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/tickets/{number}")
@Tag(name = "Tickets")
class TicketMessagesController {
  private final ReplyCommands commands;
  private final CurrentActor actor;
  private final VisibleTickets visible;

  TicketMessagesController(ReplyCommands commands, CurrentActor actor, VisibleTickets visible) {
    this.visible = visible;
    this.commands = commands;
    this.actor = actor;
  }

  @PostMapping("/replies")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "replyToTicket",
      summary = "Reply to the customer by email",
      description =
          "Queued by the ticket's workflow and answered at once (deliveryStatus QUEUED); the"
              + " message is then sent in the background and becomes SENT, or FAILED with"
              + " deliveryError (the agent is notified). The first reply sets the first-response"
              + " time. setStatus changes the ticket in the same step, under the PATCH rules."
              + " Also as multipart/form-data, with files: "
              + "part reply (JSON, the same body as the JSON form) and one part"
              + " files per file. Files are checked (413 too large, 415 executables and scripts,"
              + " 422 empty or unnamed, naming files[i]) and kept with the message; they are"
              + " mailed with it (at most 25 MB together). An optional part inline (JSON, file name"
              + " to content id) makes those files inline images: each must be a PNG, JPEG, GIF or"
              + " WebP that the HTML body shows as <img src=\"cid:id\">, else 422 naming inline.")
  ReplyResponse reply(@PathVariable long number, @Valid @RequestBody ReplyBody body) {
    visible.require(number);
    return commands.reply(number, body, actor.get(), List.of());
  }

  @PostMapping(path = "/replies", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(hidden = true) // documented on the JSON operation (one path, one operation)
  ReplyResponse replyWithFiles(
      @PathVariable long number,
      @Valid @RequestPart("reply") ReplyBody body,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestPart(name = "inline", required = false) Map<String, String> inline) {
    visible.require(number);
    return commands.reply(number, body, actor.get(), files, inline);
  }

  @PostMapping("/replies/{messageId}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "retryReply",
      summary = "Send a FAILED reply again",
      description = "Same Idempotency-Key as the first attempt, so it is never mailed twice.")
  MessageDto retry(@PathVariable long number, @PathVariable UUID messageId) {
    visible.require(number);
    return commands.retry(number, messageId, actor.get());
  }

  @PostMapping("/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "addNote",
      summary = "Add an internal note: shown in the thread and audit trail, never mailed",
      description =
          "Also as multipart/form-data, with files (kept internal, never mailed): part note (JSON,"
              + " the same body as the JSON form) and one part files per file, checked like a"
              + " reply's.")
  MessageDto note(@PathVariable long number, @Valid @RequestBody NoteBody body) {
    visible.require(number);
    return commands.note(number, body, actor.get(), List.of());
  }

  @PostMapping(path = "/notes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(hidden = true) // documented on the JSON operation (one path, one operation)
  MessageDto noteWithFiles(
      @PathVariable long number,
      @Valid @RequestPart("note") NoteBody body,
      @RequestPart(name = "files", required = false) List<MultipartFile> files) {
    visible.require(number);
    return commands.note(number, body, actor.get(), files);
  }
}
