package dev.tempodesk.db.live;

import static dev.tempodesk.db.jooq.Tables.LIVE_EVENTS;

import dev.tempodesk.db.jooq.tables.records.LiveEventsRecord;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The recent live events (Flyway V37): written by triggers on the read model's tables, read back to
 * replay what a reconnecting stream missed, pruned after a few minutes.
 */
@Repository
public class LiveEventRepository {
  private final DSLContext dsl;

  public LiveEventRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The events after {@code id}, oldest first, at most {@code limit}. */
  public List<LiveEventsRecord> after(long id, int limit) {
    return dsl.selectFrom(LIVE_EVENTS)
        .where(LIVE_EVENTS.ID.gt(id))
        .orderBy(LIVE_EVENTS.ID)
        .limit(limit)
        .fetch();
  }

  /** The newest event's id, or 0 when there is none. */
  public long latestId() {
    Long id = dsl.select(DSL.max(LIVE_EVENTS.ID)).from(LIVE_EVENTS).fetchOne(0, Long.class);
    return id == null ? 0 : id;
  }

  /** Deletes the events created before {@code cutoff}; returns how many. */
  public int pruneBefore(OffsetDateTime cutoff) {
    return dsl.deleteFrom(LIVE_EVENTS).where(LIVE_EVENTS.CREATED_AT.lt(cutoff)).execute();
  }
}
