package dev.tempodesk.api.attachment;

import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import java.util.UUID;

/**
 * A file of a message, whether or not its bytes are kept.
 *
 * @param contentType detected from the bytes once stored; until then what the sender declared
 * @param size in bytes, as declared until stored
 * @param inline shown in the body (its {@code cid:} references point at {@code url})
 * @param state PENDING (downloading), STORED, FAILED (a retry may help) or REFUSED (not kept)
 * @param reason why FAILED or REFUSED, e.g. "Not kept: over 25 MB. …"
 * @param url where the bytes are served (when STORED)
 */
public record MessageAttachmentDto(
    UUID id,
    String filename,
    String contentType,
    Long size,
    boolean inline,
    String contentId,
    String state,
    String reason,
    String url) {

  static MessageAttachmentDto from(AttachmentsRecord row) {
    return new MessageAttachmentDto(
        row.getId(),
        row.getFilename(),
        row.getContentType() != null ? row.getContentType() : row.getDeclaredContentType(),
        row.getSizeBytes(),
        Boolean.TRUE.equals(row.getInline()),
        row.getContentId(),
        row.getState(),
        row.getReason(),
        MessageAttachments.url(row.getId(), Boolean.TRUE.equals(row.getInline())));
  }
}
