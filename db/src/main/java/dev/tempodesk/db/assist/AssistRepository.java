package dev.tempodesk.db.assist;

import static dev.tempodesk.db.jooq.Tables.ASSIST_RESULTS;
import static dev.tempodesk.db.jooq.Tables.ASSIST_SETTINGS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;

import dev.tempodesk.db.jooq.tables.records.AssistResultsRecord;
import dev.tempodesk.db.jooq.tables.records.AssistSettingsRecord;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Assist's suggestions and its run-time switch (V54). */
@Repository
public class AssistRepository {
  private final DSLContext dsl;

  public AssistRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Stores a checked suggestion; returns it with its id. */
  public AssistResultsRecord save(
      long ticketNumber,
      String kind,
      String contentJson,
      String model,
      OffsetDateTime createdAt,
      int messagesCovered,
      Long requestedBy) {
    return dsl.insertInto(ASSIST_RESULTS)
        .set(ASSIST_RESULTS.TICKET_NUMBER, ticketNumber)
        .set(ASSIST_RESULTS.KIND, kind)
        .set(ASSIST_RESULTS.CONTENT, JSONB.valueOf(contentJson))
        .set(ASSIST_RESULTS.MODEL, model)
        .set(ASSIST_RESULTS.CREATED_AT, createdAt)
        .set(ASSIST_RESULTS.MESSAGES_COVERED, messagesCovered)
        .set(ASSIST_RESULTS.REQUESTED_BY, requestedBy)
        .returning()
        .fetchSingle();
  }

  public Optional<AssistResultsRecord> find(long id) {
    return dsl.selectFrom(ASSIST_RESULTS).where(ASSIST_RESULTS.ID.eq(id)).fetchOptional();
  }

  /** The ticket's latest suggestion of the kind. */
  public Optional<AssistResultsRecord> latest(long ticketNumber, String kind) {
    return dsl.selectFrom(ASSIST_RESULTS)
        .where(ASSIST_RESULTS.TICKET_NUMBER.eq(ticketNumber))
        .and(ASSIST_RESULTS.KIND.eq(kind))
        .orderBy(ASSIST_RESULTS.ID.desc())
        .limit(1)
        .fetchOptional();
  }

  /**
   * Marks a triage suggestion applied, once: false when it was applied before (a second click, a
   * retried activity), so it is never applied twice.
   */
  public boolean markApplied(long id, Long agentId, OffsetDateTime at) {
    return dsl.update(ASSIST_RESULTS)
            .set(ASSIST_RESULTS.APPLIED_AT, at)
            .set(ASSIST_RESULTS.APPLIED_BY, agentId)
            .where(ASSIST_RESULTS.ID.eq(id))
            .and(ASSIST_RESULTS.APPLIED_AT.isNull())
            .execute()
        == 1;
  }

  /** Undoes {@link #markApplied} when the change it marked was refused. */
  public void unmarkApplied(long id) {
    dsl.update(ASSIST_RESULTS)
        .setNull(ASSIST_RESULTS.APPLIED_AT)
        .setNull(ASSIST_RESULTS.APPLIED_BY)
        .where(ASSIST_RESULTS.ID.eq(id))
        .execute();
  }

  /** The ticket's public messages (customer mail and replies, not internal notes). */
  public int publicMessages(long ticketNumber) {
    return dsl.fetchCount(
        MESSAGES, MESSAGES.TICKET_NUMBER.eq(ticketNumber).and(MESSAGES.VISIBILITY.eq("PUBLIC")));
  }

  public AssistSettingsRecord settings() {
    return dsl.selectFrom(ASSIST_SETTINGS).where(ASSIST_SETTINGS.ID.eq(1)).fetchSingle();
  }

  public AssistSettingsRecord saveSettings(boolean enabled, boolean autoApplyTriage, long by) {
    return dsl.update(ASSIST_SETTINGS)
        .set(ASSIST_SETTINGS.ENABLED, enabled)
        .set(ASSIST_SETTINGS.AUTO_APPLY_TRIAGE, autoApplyTriage)
        .set(ASSIST_SETTINGS.UPDATED_AT, DSL.currentOffsetDateTime())
        .set(ASSIST_SETTINGS.UPDATED_BY, by)
        .where(ASSIST_SETTINGS.ID.eq(1))
        .returning()
        .fetchSingle();
  }
}
