package dev.tempodesk.db.view;

import static dev.tempodesk.db.jooq.Tables.SAVED_VIEWS;

import dev.tempodesk.db.jooq.tables.records.SavedViewsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Saved views of the ticket list: shared ones (no owner) and each agent's personal ones. */
@Repository
public class SavedViewRepository {
  private final DSLContext dsl;

  public SavedViewRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** What an agent sees in the rail: shared views first, then their own, each by position. */
  public List<SavedViewsRecord> visibleTo(long agentId) {
    return dsl.selectFrom(SAVED_VIEWS)
        .where(SAVED_VIEWS.OWNER_ID.isNull().or(SAVED_VIEWS.OWNER_ID.eq(agentId)))
        .orderBy(SAVED_VIEWS.OWNER_ID.isNull().desc(), SAVED_VIEWS.POSITION, SAVED_VIEWS.ID)
        .fetch();
  }

  public Optional<SavedViewsRecord> find(long id) {
    return dsl.selectFrom(SAVED_VIEWS).where(SAVED_VIEWS.ID.eq(id)).fetchOptional();
  }

  /**
   * @param ownerId the agent of a personal view, null for a shared one
   * @param position where it goes among its kind; null puts it last
   */
  public SavedViewsRecord insert(
      String name, String paramsJson, Long ownerId, Integer position, long createdBy) {
    return dsl.insertInto(SAVED_VIEWS)
        .set(SAVED_VIEWS.NAME, name)
        .set(SAVED_VIEWS.PARAMS, JSONB.valueOf(paramsJson))
        .set(SAVED_VIEWS.OWNER_ID, ownerId)
        .set(SAVED_VIEWS.POSITION, position == null ? nextPosition(ownerId) : DSL.val(position))
        .set(SAVED_VIEWS.CREATED_BY, createdBy)
        .returning()
        .fetchSingle();
  }

  /** Renames, refilters or moves a view; a null position keeps it where it is. */
  public SavedViewsRecord update(long id, String name, String paramsJson, Integer position) {
    return dsl.update(SAVED_VIEWS)
        .set(SAVED_VIEWS.NAME, name)
        .set(SAVED_VIEWS.PARAMS, JSONB.valueOf(paramsJson))
        .set(SAVED_VIEWS.POSITION, position == null ? SAVED_VIEWS.POSITION : DSL.val(position))
        .set(SAVED_VIEWS.UPDATED_AT, DSL.currentOffsetDateTime())
        .where(SAVED_VIEWS.ID.eq(id))
        .returning()
        .fetchSingle();
  }

  public boolean delete(long id) {
    return dsl.deleteFrom(SAVED_VIEWS).where(SAVED_VIEWS.ID.eq(id)).execute() == 1;
  }

  private Field<Integer> nextPosition(Long ownerId) {
    return DSL.field(
        DSL.select(DSL.coalesce(DSL.max(SAVED_VIEWS.POSITION), 0).plus(1))
            .from(SAVED_VIEWS)
            .where(
                ownerId == null
                    ? SAVED_VIEWS.OWNER_ID.isNull()
                    : SAVED_VIEWS.OWNER_ID.eq(ownerId)));
  }
}
