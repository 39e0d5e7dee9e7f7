package dev.tempodesk.db.attachment;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENTS;
import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Where an inbound attachment's bytes are fetched from: its grant, message and provider id. */
@Repository
public class InboundAttachmentSources {
  private final DSLContext dsl;

  public InboundAttachmentSources(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * @param grantId the mailbox's Nylas grant
   * @param providerMessageId the message's Nylas id
   * @param providerAttachmentId the file's Nylas id
   */
  public record Source(String grantId, String providerMessageId, String providerAttachmentId) {}

  /** Empty for a file without a provider id (an outbound upload) or a message of no mailbox. */
  public Optional<Source> find(UUID attachmentId) {
    return dsl.select(
            MAILBOXES.GRANT_ID, MESSAGES.PROVIDER_MESSAGE_ID, ATTACHMENTS.PROVIDER_ATTACHMENT_ID)
        .from(ATTACHMENTS)
        .join(MESSAGES)
        .on(MESSAGES.ID.eq(ATTACHMENTS.MESSAGE_ID))
        .join(MAILBOXES)
        .on(MAILBOXES.ID.eq(MESSAGES.MAILBOX_ID))
        .where(ATTACHMENTS.ID.eq(attachmentId))
        .and(ATTACHMENTS.PROVIDER_ATTACHMENT_ID.isNotNull())
        .and(MESSAGES.PROVIDER_MESSAGE_ID.isNotNull())
        .fetchOptional(r -> new Source(r.value1(), r.value2(), r.value3()));
  }
}
