package dev.tempodesk.activities.outbound;

import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.SendAttachment;
import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The files of an outgoing message, read back from the attachment store for its send: inline images
 * with their content id, the others as attachments, in the order they were uploaded.
 */
@Component
public class OutboundAttachments {
  private final AttachmentRepository attachments;
  private final AttachmentStore store;

  public OutboundAttachments(AttachmentRepository attachments, AttachmentStore store) {
    this.attachments = attachments;
    this.store = store;
  }

  /** Why a message cannot be sent with its files; sending again will not help. */
  static final class Unsendable extends Exception {
    Unsendable(String message) {
      super(message);
    }
  }

  /** The message's files with their bytes; none for a message without attachments. */
  List<SendAttachment> of(UUID messageId) throws Unsendable {
    List<AttachmentsRecord> rows = attachments.forMessages(List.of(messageId));
    long total =
        rows.stream().mapToLong(r -> r.getSizeBytes() == null ? 0 : r.getSizeBytes()).sum();
    if (total > NylasClient.MAX_ATTACHMENT_BYTES) {
      throw new Unsendable(
          "The attachments total "
              + total
              + " bytes, more than the mail provider accepts ("
              + NylasClient.MAX_ATTACHMENT_BYTES
              + ").");
    }
    List<SendAttachment> files = new ArrayList<>();
    for (AttachmentsRecord row : rows) {
      if (!AttachmentRepository.STORED.equals(row.getState())) {
        throw new Unsendable(
            "Attachment " + row.getFilename() + " is " + row.getState() + ", not stored.");
      }
      byte[] bytes = read(row);
      String type =
          row.getContentType() != null ? row.getContentType() : "application/octet-stream";
      files.add(
          Boolean.TRUE.equals(row.getInline()) && row.getContentId() != null
              ? SendAttachment.inline(row.getFilename(), type, bytes, row.getContentId())
              : SendAttachment.file(row.getFilename(), type, bytes));
    }
    return files;
  }

  private byte[] read(AttachmentsRecord row) throws Unsendable {
    try {
      Optional<InputStream> content = store.open(row.getSha256());
      if (content.isEmpty()) {
        throw new Unsendable(
            "The bytes of attachment " + row.getFilename() + " are missing from the store.");
      }
      try (InputStream in = content.get()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      // The store may be back on the next try: let Temporal retry the send.
      throw new UncheckedIOException("reading attachment " + row.getId(), e);
    }
  }
}
