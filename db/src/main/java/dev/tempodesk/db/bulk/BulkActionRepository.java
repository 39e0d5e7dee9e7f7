package dev.tempodesk.db.bulk;

import static dev.tempodesk.db.jooq.Tables.BULK_ACTIONS;
import static dev.tempodesk.db.jooq.Tables.BULK_ACTION_TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;

import dev.tempodesk.db.jooq.tables.records.BulkActionTicketsRecord;
import dev.tempodesk.db.jooq.tables.records.BulkActionsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Bulk actions (V36) and the outcome of each of their tickets. An outcome is written once: {@link
 * #decide} never overwrites one, so a retried activity cannot turn an applied ticket into a refused
 * one or the other way round.
 */
@Repository
public class BulkActionRepository {
  public static final String APPLIED = "APPLIED";
  public static final String REFUSED = "REFUSED";

  private final DSLContext dsl;

  public BulkActionRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A new action and its tickets, in one transaction; the action's id. */
  public long insert(
      long agentId,
      String comment,
      String changesJson,
      String selectionJson,
      String idempotencyKey,
      List<Long> tickets) {
    return insert(agentId, comment, changesJson, null, selectionJson, idempotencyKey, tickets);
  }

  /** A new action applying macro #macroId (null: none) besides its changes; the action's id. */
  public long insert(
      long agentId,
      String comment,
      String changesJson,
      Long macroId,
      String selectionJson,
      String idempotencyKey,
      List<Long> tickets) {
    return insert(
        agentId, null, comment, changesJson, macroId, selectionJson, idempotencyKey, tickets);
  }

  /**
   * A new action; {@code actorName} is how the audit trail names its changes (null: the agent's
   * name), e.g. "Ada Lovelace via token CI bot" for one started with an API token.
   */
  public long insert(
      long agentId,
      String actorName,
      String comment,
      String changesJson,
      Long macroId,
      String selectionJson,
      String idempotencyKey,
      List<Long> tickets) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          long id =
              t.insertInto(BULK_ACTIONS)
                  .set(BULK_ACTIONS.AGENT_ID, agentId)
                  .set(BULK_ACTIONS.ACTOR_NAME, actorName)
                  .set(BULK_ACTIONS.COMMENT, comment)
                  .set(BULK_ACTIONS.CHANGES, JSONB.jsonb(changesJson))
                  .set(BULK_ACTIONS.MACRO_ID, macroId)
                  .set(BULK_ACTIONS.SELECTION, JSONB.jsonb(selectionJson))
                  .set(BULK_ACTIONS.IDEMPOTENCY_KEY, idempotencyKey)
                  .set(BULK_ACTIONS.TOTAL, tickets.size())
                  .returning(BULK_ACTIONS.ID)
                  .fetchOne(BULK_ACTIONS.ID);
          t.insertInto(
                  BULK_ACTION_TICKETS,
                  BULK_ACTION_TICKETS.ACTION_ID,
                  BULK_ACTION_TICKETS.TICKET_NUMBER)
              .select(
                  DSL.select(
                      DSL.val(id),
                      DSL.field(
                          "unnest({0})",
                          SQLDataType.BIGINT, DSL.val(tickets.toArray(Long[]::new)))))
              .execute();
          return id;
        });
  }

  /** The action this agent started under this idempotency key, if any. */
  public Optional<Long> findByKey(long agentId, String idempotencyKey) {
    return dsl.select(BULK_ACTIONS.ID)
        .from(BULK_ACTIONS)
        .where(BULK_ACTIONS.AGENT_ID.eq(agentId))
        .and(BULK_ACTIONS.IDEMPOTENCY_KEY.eq(idempotencyKey))
        .fetchOptional(BULK_ACTIONS.ID);
  }

  public Optional<BulkActionsRecord> find(long id) {
    return dsl.selectFrom(BULK_ACTIONS).where(BULK_ACTIONS.ID.eq(id)).fetchOptional();
  }

  /** The action's tickets without an outcome above {@code after}, ascending, at most limit. */
  public List<Long> undecided(long actionId, long after, int limit) {
    return dsl.select(BULK_ACTION_TICKETS.TICKET_NUMBER)
        .from(BULK_ACTION_TICKETS)
        .where(BULK_ACTION_TICKETS.ACTION_ID.eq(actionId))
        .and(BULK_ACTION_TICKETS.OUTCOME.isNull())
        .and(BULK_ACTION_TICKETS.TICKET_NUMBER.gt(after))
        .orderBy(BULK_ACTION_TICKETS.TICKET_NUMBER)
        .limit(limit)
        .fetch(BULK_ACTION_TICKETS.TICKET_NUMBER);
  }

  public Optional<BulkActionTicketsRecord> ticket(long actionId, long number) {
    return dsl.selectFrom(BULK_ACTION_TICKETS)
        .where(BULK_ACTION_TICKETS.ACTION_ID.eq(actionId))
        .and(BULK_ACTION_TICKETS.TICKET_NUMBER.eq(number))
        .fetchOptional();
  }

  /**
   * Notes the ticket's version before its change is first tried (see {@link #changedSince}); a
   * later attempt keeps the first note, so a change by any attempt is found after it.
   */
  public void attempting(long actionId, long number, long version) {
    dsl.update(BULK_ACTION_TICKETS)
        .set(
            BULK_ACTION_TICKETS.ATTEMPT_VERSION,
            DSL.coalesce(BULK_ACTION_TICKETS.ATTEMPT_VERSION, DSL.val(version)))
        .where(BULK_ACTION_TICKETS.ACTION_ID.eq(actionId))
        .and(BULK_ACTION_TICKETS.TICKET_NUMBER.eq(number))
        .and(BULK_ACTION_TICKETS.OUTCOME.isNull())
        .execute();
  }

  /**
   * Whether the audit trail shows a change of ticket #number after {@code version} by this agent
   * with this comment: the action's own change, made by an attempt that died before it wrote the
   * outcome.
   */
  public boolean changedSince(long number, long version, long agentId, String comment) {
    return dsl.fetchExists(
        DSL.selectOne()
            .from(TICKET_EVENTS)
            .where(TICKET_EVENTS.TICKET_NUMBER.eq(number))
            .and(TICKET_EVENTS.TICKET_VERSION.gt(version))
            .and(TICKET_EVENTS.ACTOR_ID.eq(agentId))
            .and(TICKET_EVENTS.COMMENT.eq(comment)));
  }

  /** Writes the ticket's outcome unless it has one; true if this call wrote it. */
  public boolean decide(
      long actionId, long number, String outcome, String reason, String field, OffsetDateTime at) {
    return dsl.update(BULK_ACTION_TICKETS)
            .set(BULK_ACTION_TICKETS.OUTCOME, outcome)
            .set(BULK_ACTION_TICKETS.REASON, reason)
            .set(BULK_ACTION_TICKETS.FIELD, field)
            .set(BULK_ACTION_TICKETS.DECIDED_AT, at)
            .where(BULK_ACTION_TICKETS.ACTION_ID.eq(actionId))
            .and(BULK_ACTION_TICKETS.TICKET_NUMBER.eq(number))
            .and(BULK_ACTION_TICKETS.OUTCOME.isNull())
            .execute()
        == 1;
  }

  /** How many of the action's tickets were applied and refused so far. */
  public Counts counts(long actionId) {
    var applied = DSL.count().filterWhere(BULK_ACTION_TICKETS.OUTCOME.eq(APPLIED));
    var refused = DSL.count().filterWhere(BULK_ACTION_TICKETS.OUTCOME.eq(REFUSED));
    return dsl.select(applied, refused)
        .from(BULK_ACTION_TICKETS)
        .where(BULK_ACTION_TICKETS.ACTION_ID.eq(actionId))
        .fetchOne(r -> new Counts(r.value1(), r.value2()));
  }

  public record Counts(int applied, int refused) {}

  /**
   * The action's decided tickets above {@code after} by number, at most limit; only those of one
   * outcome if {@code outcome} is not null.
   */
  public List<BulkActionTicketsRecord> decided(
      long actionId, String outcome, long after, int limit) {
    Condition which =
        outcome == null
            ? BULK_ACTION_TICKETS.OUTCOME.isNotNull()
            : BULK_ACTION_TICKETS.OUTCOME.eq(outcome);
    return dsl.selectFrom(BULK_ACTION_TICKETS)
        .where(BULK_ACTION_TICKETS.ACTION_ID.eq(actionId))
        .and(which)
        .and(BULK_ACTION_TICKETS.TICKET_NUMBER.gt(after))
        .orderBy(BULK_ACTION_TICKETS.TICKET_NUMBER)
        .limit(limit)
        .fetch();
  }

  public void finish(long actionId, OffsetDateTime at) {
    dsl.update(BULK_ACTIONS)
        .set(BULK_ACTIONS.FINISHED_AT, at)
        .where(BULK_ACTIONS.ID.eq(actionId))
        .and(BULK_ACTIONS.FINISHED_AT.isNull())
        .execute();
  }
}
