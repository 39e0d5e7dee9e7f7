package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentFetches;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** "Retry" on an inbound file whose download failed: back to PENDING, and fetched again. */
@RestController
@RequestMapping("/api/attachments")
@Tag(name = "Attachments")
class AttachmentRetryController {
  private final AttachmentRepository attachments;
  private final AttachmentFetches fetches;
  private final VisibleTickets visible;
  private final CurrentActor current;

  AttachmentRetryController(
      AttachmentRepository attachments,
      AttachmentFetches fetches,
      VisibleTickets visible,
      CurrentActor current) {
    this.attachments = attachments;
    this.fetches = fetches;
    this.visible = visible;
    this.current = current;
  }

  @PostMapping("/{id}/retry")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      operationId = "retryAttachment",
      summary = "Fetch a FAILED inbound file again",
      description =
          "Sets the file back to PENDING and starts its download in the background; 409 if the"
              + " file is not FAILED (stored, refused for good, or being fetched).")
  MessageAttachmentDto retry(@PathVariable UUID id) {
    AttachmentsRecord row =
        attachments
            .findWithAccess(id)
            .filter(found -> visible.sees(current.required(), found.ticketNumber()))
            .map(AttachmentRepository.WithAccess::attachment)
            .orElseThrow(() -> new NotFoundException("No file " + id + "."));
    if (row.getProviderAttachmentId() == null) {
      throw FieldException.conflict("id", "The file was not received by mail; nothing to fetch.");
    }
    if (!attachments.retry(id)) {
      throw FieldException.conflict(
          "id", "The file is " + row.getState() + "; only a FAILED file can be fetched again.");
    }
    fetches.retry(row.getMessageId(), id);
    return MessageAttachmentDto.from(attachments.find(id).orElseThrow());
  }
}
