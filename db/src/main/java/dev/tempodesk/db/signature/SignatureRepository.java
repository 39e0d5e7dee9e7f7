package dev.tempodesk.db.signature;

import static dev.tempodesk.db.jooq.Tables.AGENT_SIGNATURES;
import static dev.tempodesk.db.jooq.Tables.MAILBOX_SIGNATURES;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The agents' personal signatures and the mailboxes' footers (V40). The API sanitizes and checks
 * the HTML before it is written ({@code dev.tempodesk.api.signature}); the repository keeps rows.
 */
@Repository
public class SignatureRepository {
  /** A stored signature: its sanitized HTML (with placeholders) and when it was last changed. */
  public record Stored(String html, OffsetDateTime updatedAt) {}

  private final DSLContext dsl;

  public SignatureRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<Stored> ofAgent(long agentId) {
    return dsl.select(AGENT_SIGNATURES.HTML, AGENT_SIGNATURES.UPDATED_AT)
        .from(AGENT_SIGNATURES)
        .where(AGENT_SIGNATURES.AGENT_ID.eq(agentId))
        .fetchOptional(row -> new Stored(row.value1(), row.value2()));
  }

  public Optional<Stored> ofMailbox(long mailboxId) {
    return dsl.select(MAILBOX_SIGNATURES.HTML, MAILBOX_SIGNATURES.UPDATED_AT)
        .from(MAILBOX_SIGNATURES)
        .where(MAILBOX_SIGNATURES.MAILBOX_ID.eq(mailboxId))
        .fetchOptional(row -> new Stored(row.value1(), row.value2()));
  }

  /** Writes (html not null) or removes (html null) an agent's signature. */
  public Optional<Stored> saveForAgent(long agentId, String html, Long by) {
    if (html == null) {
      dsl.deleteFrom(AGENT_SIGNATURES).where(AGENT_SIGNATURES.AGENT_ID.eq(agentId)).execute();
      return Optional.empty();
    }
    dsl.insertInto(AGENT_SIGNATURES)
        .set(AGENT_SIGNATURES.AGENT_ID, agentId)
        .set(AGENT_SIGNATURES.HTML, html)
        .set(AGENT_SIGNATURES.UPDATED_BY, by)
        .onConflict(AGENT_SIGNATURES.AGENT_ID)
        .doUpdate()
        .set(AGENT_SIGNATURES.HTML, html)
        .set(AGENT_SIGNATURES.UPDATED_BY, by)
        .set(AGENT_SIGNATURES.UPDATED_AT, DSL.currentOffsetDateTime())
        .execute();
    return ofAgent(agentId);
  }

  /** Writes (html not null) or removes (html null) a mailbox's footer. */
  public Optional<Stored> saveForMailbox(long mailboxId, String html, Long by) {
    if (html == null) {
      dsl.deleteFrom(MAILBOX_SIGNATURES)
          .where(MAILBOX_SIGNATURES.MAILBOX_ID.eq(mailboxId))
          .execute();
      return Optional.empty();
    }
    dsl.insertInto(MAILBOX_SIGNATURES)
        .set(MAILBOX_SIGNATURES.MAILBOX_ID, mailboxId)
        .set(MAILBOX_SIGNATURES.HTML, html)
        .set(MAILBOX_SIGNATURES.UPDATED_BY, by)
        .onConflict(MAILBOX_SIGNATURES.MAILBOX_ID)
        .doUpdate()
        .set(MAILBOX_SIGNATURES.HTML, html)
        .set(MAILBOX_SIGNATURES.UPDATED_BY, by)
        .set(MAILBOX_SIGNATURES.UPDATED_AT, DSL.currentOffsetDateTime())
        .execute();
    return ofMailbox(mailboxId);
  }
}
