package dev.tempodesk.db.macro;

import static dev.tempodesk.db.jooq.Tables.MACROS;
import static dev.tempodesk.db.jooq.Tables.MACRO_APPLICATIONS;

import dev.tempodesk.db.jooq.tables.records.MacroApplicationsRecord;
import dev.tempodesk.db.jooq.tables.records.MacrosRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Macros (V34) and the keys of their one-step applications. The API checks a macro before it is
 * written ({@code dev.tempodesk.api.macro}); the repository keeps rows.
 */
@Repository
public class MacroRepository {
  private final DSLContext dsl;

  public MacroRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The shared macros and the personal ones of {@code agentId}, shared first, then by name. */
  public List<MacrosRecord> visibleTo(long agentId) {
    return dsl.selectFrom(MACROS)
        .where(MACROS.OWNER_ID.isNull().or(MACROS.OWNER_ID.eq(agentId)))
        .orderBy(MACROS.OWNER_ID.isNull().desc(), DSL.lower(MACROS.NAME), MACROS.ID)
        .fetch();
  }

  public Optional<MacrosRecord> find(long id) {
    return dsl.selectFrom(MACROS).where(MACROS.ID.eq(id)).fetchOptional();
  }

  /**
   * Inserts or replaces (id set) a macro; the record's fields are the new values. Throws Spring's
   * {@code DuplicateKeyException} when the name is taken in the macro's scope.
   */
  public MacrosRecord save(MacrosRecord macro) {
    if (macro.getId() == null) {
      MacrosRecord row = dsl.newRecord(MACROS, macro);
      row.changed(MACROS.ID, false);
      row.changed(MACROS.CREATED_AT, false);
      row.changed(MACROS.UPDATED_AT, false);
      row.insert();
      row.refresh();
      return row;
    }
    return dsl.update(MACROS)
        .set(MACROS.NAME, macro.getName())
        .set(MACROS.OWNER_ID, macro.getOwnerId())
        .set(MACROS.REPLY_TEXT, macro.getReplyText())
        .set(MACROS.NOTE, macro.getNote())
        .set(MACROS.STATUS, macro.getStatus())
        .set(MACROS.PENDING_REASON, macro.getPendingReason())
        .set(MACROS.PENDING_FOR, macro.getPendingFor())
        .set(MACROS.RESOLUTION, macro.getResolution())
        .set(MACROS.PRIORITY, macro.getPriority())
        .set(MACROS.ASSIGN_TO, macro.getAssignTo())
        .set(MACROS.ASSIGNEE_ID, macro.getAssigneeId())
        .set(MACROS.ADD_TAGS, macro.getAddTags())
        .set(MACROS.REMOVE_TAGS, macro.getRemoveTags())
        .set(MACROS.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(MACROS.ID.eq(macro.getId()))
        .returning()
        .fetchSingle();
  }

  public boolean delete(long id) {
    return dsl.deleteFrom(MACROS).where(MACROS.ID.eq(id)).execute() == 1;
  }

  /**
   * Claims {@code key} for one application by {@code agentId}; empty when the agent used the key
   * before (then {@link #application} tells what for).
   */
  public boolean claim(long agentId, String key, long ticketNumber, long macroId) {
    return dsl.insertInto(MACRO_APPLICATIONS)
            .set(MACRO_APPLICATIONS.AGENT_ID, agentId)
            .set(MACRO_APPLICATIONS.IDEMPOTENCY_KEY, key)
            .set(MACRO_APPLICATIONS.TICKET_NUMBER, ticketNumber)
            .set(MACRO_APPLICATIONS.MACRO_ID, macroId)
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  public Optional<MacroApplicationsRecord> application(long agentId, String key) {
    return dsl.selectFrom(MACRO_APPLICATIONS)
        .where(MACRO_APPLICATIONS.AGENT_ID.eq(agentId))
        .and(MACRO_APPLICATIONS.IDEMPOTENCY_KEY.eq(key))
        .fetchOptional();
  }

  /** Records what a claimed application did, for its repeats. */
  public void finish(
      long agentId,
      String key,
      UUID replyMessageId,
      UUID noteMessageId,
      String changesJson,
      String autoFixesJson) {
    dsl.update(MACRO_APPLICATIONS)
        .set(MACRO_APPLICATIONS.DONE, true)
        .set(MACRO_APPLICATIONS.REPLY_MESSAGE_ID, replyMessageId)
        .set(MACRO_APPLICATIONS.NOTE_MESSAGE_ID, noteMessageId)
        .set(MACRO_APPLICATIONS.CHANGES, JSONB.valueOf(changesJson))
        .set(MACRO_APPLICATIONS.AUTO_FIXES, JSONB.valueOf(autoFixesJson))
        .where(MACRO_APPLICATIONS.AGENT_ID.eq(agentId))
        .and(MACRO_APPLICATIONS.IDEMPOTENCY_KEY.eq(key))
        .execute();
  }

  /** Gives a key back after its application was refused before it changed anything. */
  public void release(long agentId, String key) {
    dsl.deleteFrom(MACRO_APPLICATIONS)
        .where(MACRO_APPLICATIONS.AGENT_ID.eq(agentId))
        .and(MACRO_APPLICATIONS.IDEMPOTENCY_KEY.eq(key))
        .and(MACRO_APPLICATIONS.DONE.isFalse())
        .execute();
  }
}
