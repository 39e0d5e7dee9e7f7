package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who may download which attachment, and its bytes: staff those of the tickets they see ({@link
 * VisibleTickets}); a customer only those of PUBLIC messages of their own tickets. Anything else is
 * "not found", so ids cannot be probed.
 */
@Service
class AttachmentDownloads {
  private static final Logger log = LoggerFactory.getLogger(AttachmentDownloads.class);

  private final AttachmentRepository attachments;
  private final AttachmentStore store;
  private final VisibleTickets visible;

  AttachmentDownloads(
      AttachmentRepository attachments, AttachmentStore store, VisibleTickets visible) {
    this.attachments = attachments;
    this.store = store;
    this.visible = visible;
  }

  /** A stored file ready to send: its row and an open stream the caller closes. */
  record Download(AttachmentsRecord attachment, String contentType, InputStream content) {}

  Download open(SignedInUser user, UUID id) throws IOException {
    AttachmentsRecord attachment =
        attachments
            .findWithAccess(id)
            .filter(found -> maySee(user, found))
            .map(AttachmentRepository.WithAccess::attachment)
            .orElseThrow(() -> missing(id));
    if (!AttachmentRepository.STORED.equals(attachment.getState())) {
      throw FieldException.conflict("id", unavailable(attachment));
    }
    InputStream content =
        store
            .open(attachment.getSha256())
            .orElseThrow(
                () -> {
                  log.warn(
                      "Attachment {} is STORED but the {} store has no {}",
                      id,
                      store.kind(),
                      attachment.getSha256());
                  return missing(id);
                });
    return new Download(
        attachment, AttachmentPolicy.servedContentType(attachment.getContentType()), content);
  }

  private boolean maySee(SignedInUser user, AttachmentRepository.WithAccess found) {
    if (user.role().isStaff()) {
      return visible.sees(user, found.ticketNumber());
    }
    return user.kind() == SignedInUser.Kind.CONTACT
        && "PUBLIC".equals(found.visibility())
        && found.reporterId() == user.id();
  }

  private static NotFoundException missing(UUID id) {
    return new NotFoundException("There is no attachment " + id + ".");
  }

  private static String unavailable(AttachmentsRecord attachment) {
    String name = "'" + attachment.getFilename() + "'";
    return switch (attachment.getState()) {
      case AttachmentRepository.PENDING -> name + " is still being fetched; try again shortly.";
      case AttachmentRepository.FAILED ->
          name + " could not be fetched" + because(attachment) + "; an agent can retry it.";
      case AttachmentRepository.REFUSED -> name + " was not kept" + because(attachment) + ".";
      default -> name + " is not available (" + attachment.getState() + ").";
    };
  }

  private static String because(AttachmentsRecord attachment) {
    return attachment.getReason() == null ? "" : ": " + attachment.getReason();
  }
}
