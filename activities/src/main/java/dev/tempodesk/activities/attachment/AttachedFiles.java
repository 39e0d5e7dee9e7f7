package dev.tempodesk.activities.attachment;

import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.workflows.ticket.AttachedFile;
import java.util.List;
import java.util.UUID;

/**
 * Records uploaded files (already in the store) as a message's STORED attachments, in upload order:
 * the one way replies, notes, portal messages and new tickets keep their files. Call it in the
 * transaction that writes the message.
 */
public final class AttachedFiles {
  private AttachedFiles() {}

  public static void record(
      AttachmentRepository attachments, UUID messageId, List<AttachedFile> files) {
    if (files == null) {
      return;
    }
    for (int i = 0; i < files.size(); i++) {
      AttachedFile file = files.get(i);
      attachments.recordStored(
          messageId,
          i,
          file.filename(),
          file.declaredContentType(),
          file.contentType(),
          file.sizeBytes(),
          file.contentId(),
          file.inline(),
          file.sha256());
    }
  }
}
