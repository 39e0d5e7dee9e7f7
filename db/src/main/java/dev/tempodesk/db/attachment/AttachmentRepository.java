package dev.tempodesk.db.attachment;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENTS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.AttachmentsRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The {@code attachments} table: what files a message carries and where each one's bytes are (see
 * V17 for the states). The bytes themselves live in the attachment store.
 */
@Repository
public class AttachmentRepository {
  public static final String PENDING = "PENDING";
  public static final String STORED = "STORED";
  public static final String FAILED = "FAILED";
  public static final String REFUSED = "REFUSED";

  private final DSLContext dsl;

  public AttachmentRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** What the provider's listing says a message carries, before any byte is fetched. */
  public record Listed(
      int position,
      String providerAttachmentId,
      String filename,
      String declaredContentType,
      Long sizeBytes,
      String contentId,
      boolean inline) {}

  /**
   * Records a listed attachment as PENDING; a second call for the same provider attachment (the
   * sync seeing the message again) changes nothing. Returns the row's id either way.
   */
  public UUID recordListed(UUID messageId, Listed listed) {
    UUID id = UUID.randomUUID();
    dsl.insertInto(ATTACHMENTS)
        .set(ATTACHMENTS.ID, id)
        .set(ATTACHMENTS.MESSAGE_ID, messageId)
        .set(ATTACHMENTS.POSITION, listed.position())
        .set(ATTACHMENTS.PROVIDER_ATTACHMENT_ID, listed.providerAttachmentId())
        .set(ATTACHMENTS.FILENAME, listed.filename())
        .set(ATTACHMENTS.DECLARED_CONTENT_TYPE, listed.declaredContentType())
        .set(ATTACHMENTS.SIZE_BYTES, listed.sizeBytes())
        .set(ATTACHMENTS.CONTENT_ID, listed.contentId())
        .set(ATTACHMENTS.INLINE, listed.inline())
        .set(ATTACHMENTS.STATE, PENDING)
        .onConflictDoNothing()
        .execute();
    return dsl.select(ATTACHMENTS.ID)
        .from(ATTACHMENTS)
        .where(ATTACHMENTS.MESSAGE_ID.eq(messageId))
        .and(ATTACHMENTS.POSITION.eq(listed.position()))
        .fetchSingle(ATTACHMENTS.ID);
  }

  /** A file whose bytes are already in the store (an outbound reply's upload). */
  public UUID recordStored(
      UUID messageId,
      int position,
      String filename,
      String declaredContentType,
      String contentType,
      long sizeBytes,
      String contentId,
      boolean inline,
      String sha256) {
    UUID id = UUID.randomUUID();
    dsl.insertInto(ATTACHMENTS)
        .set(ATTACHMENTS.ID, id)
        .set(ATTACHMENTS.MESSAGE_ID, messageId)
        .set(ATTACHMENTS.POSITION, position)
        .set(ATTACHMENTS.FILENAME, filename)
        .set(ATTACHMENTS.DECLARED_CONTENT_TYPE, declaredContentType)
        .set(ATTACHMENTS.CONTENT_TYPE, contentType)
        .set(ATTACHMENTS.SIZE_BYTES, sizeBytes)
        .set(ATTACHMENTS.CONTENT_ID, contentId)
        .set(ATTACHMENTS.INLINE, inline)
        .set(ATTACHMENTS.SHA256, sha256)
        .set(ATTACHMENTS.STATE, STORED)
        .execute();
    return id;
  }

  public void markStored(UUID id, String sha256, String contentType, long sizeBytes) {
    dsl.update(ATTACHMENTS)
        .set(ATTACHMENTS.STATE, STORED)
        .set(ATTACHMENTS.SHA256, sha256)
        .set(ATTACHMENTS.CONTENT_TYPE, contentType)
        .set(ATTACHMENTS.SIZE_BYTES, sizeBytes)
        .setNull(ATTACHMENTS.REASON)
        .set(ATTACHMENTS.ATTEMPTS, ATTACHMENTS.ATTEMPTS.plus(1))
        .set(ATTACHMENTS.UPDATED_AT, OffsetDateTime.now())
        .where(ATTACHMENTS.ID.eq(id))
        .execute();
  }

  public void markFailed(UUID id, String reason) {
    mark(id, FAILED, reason);
  }

  public void markRefused(UUID id, String reason) {
    mark(id, REFUSED, reason);
  }

  /** "Retry" on a FAILED attachment: back to PENDING. False if it was not FAILED. */
  public boolean retry(UUID id) {
    return dsl.update(ATTACHMENTS)
            .set(ATTACHMENTS.STATE, PENDING)
            .setNull(ATTACHMENTS.REASON)
            .set(ATTACHMENTS.UPDATED_AT, OffsetDateTime.now())
            .where(ATTACHMENTS.ID.eq(id))
            .and(ATTACHMENTS.STATE.eq(FAILED))
            .execute()
        == 1;
  }

  public Optional<AttachmentsRecord> find(UUID id) {
    return dsl.selectFrom(ATTACHMENTS).where(ATTACHMENTS.ID.eq(id)).fetchOptional();
  }

  /**
   * An attachment with what decides who may download it: its message's visibility and its ticket's
   * number and reporter (the customer who may see its public messages).
   */
  public record WithAccess(
      AttachmentsRecord attachment, String visibility, long ticketNumber, long reporterId) {}

  public Optional<WithAccess> findWithAccess(UUID id) {
    return dsl.select(ATTACHMENTS, MESSAGES.VISIBILITY, TICKETS.NUMBER, TICKETS.REPORTER_ID)
        .from(ATTACHMENTS)
        .join(MESSAGES)
        .on(MESSAGES.ID.eq(ATTACHMENTS.MESSAGE_ID))
        .join(TICKETS)
        .on(TICKETS.NUMBER.eq(MESSAGES.TICKET_NUMBER))
        .where(ATTACHMENTS.ID.eq(id))
        .fetchOptional(
            row -> new WithAccess(row.value1(), row.value2(), row.value3(), row.value4()));
  }

  /** The attachments of these messages, each message's in position order. */
  public List<AttachmentsRecord> forMessages(Collection<UUID> messageIds) {
    if (messageIds.isEmpty()) {
      return List.of();
    }
    return dsl.selectFrom(ATTACHMENTS)
        .where(ATTACHMENTS.MESSAGE_ID.in(messageIds))
        .orderBy(ATTACHMENTS.MESSAGE_ID, ATTACHMENTS.POSITION)
        .fetch();
  }

  private void mark(UUID id, String state, String reason) {
    dsl.update(ATTACHMENTS)
        .set(ATTACHMENTS.STATE, state)
        .set(ATTACHMENTS.REASON, reason)
        .set(ATTACHMENTS.ATTEMPTS, ATTACHMENTS.ATTEMPTS.plus(1))
        .set(ATTACHMENTS.UPDATED_AT, OffsetDateTime.now())
        .where(ATTACHMENTS.ID.eq(id))
        .execute();
  }
}
