package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Tables.TICKETS;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Tags as they are used on tickets ({@code tickets.tags}, written by the ticket workflows): the
 * autocomplete's suggestions and the statistics per tag. Tags are stored normalized, so a tag here
 * is compared as is.
 */
@Repository
public class TagRepository {
  private static final Table<?> TAGGED = DSL.unnest(TICKETS.TAGS).as("tagged", "tag");
  private static final Field<String> TAG = DSL.field(DSL.name("tagged", "tag"), String.class);

  private final DSLContext dsl;

  public TagRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A tag and how many tickets (of any status) carry it. */
  public record TagCount(String tag, int tickets) {}

  /**
   * A tag's figures: tickets carrying it created in a range, and those carrying it open now.
   *
   * @param open tickets that are not CLOSED (NEW, OPEN, PENDING)
   */
  public record TagFigures(String tag, int created, int open) {}

  /** Tags starting with {@code prefix} (empty: every tag), most used first, then by name. */
  public List<TagCount> suggest(String prefix, int limit) {
    Field<Integer> tickets = DSL.count();
    return dsl.select(TAG, tickets)
        .from(TICKETS, TAGGED)
        .where(prefix == null || prefix.isEmpty() ? DSL.noCondition() : startsWith(prefix))
        .groupBy(TAG)
        .orderBy(tickets.desc(), TAG)
        .limit(limit)
        .fetch(row -> new TagCount(row.value1(), row.value2()));
  }

  /**
   * Per tag: tickets created in [{@code from}, {@code to}) and tickets open now; tags with neither
   * are left out. Most created first, then most open, then by name.
   */
  public List<TagFigures> figures(OffsetDateTime from, OffsetDateTime to, int limit) {
    Condition createdInRange = TICKETS.CREATED_AT.ge(from).and(TICKETS.CREATED_AT.lt(to));
    Condition open = TICKETS.STATUS.ne("CLOSED");
    Field<Integer> created = DSL.count().filterWhere(createdInRange);
    Field<Integer> openNow = DSL.count().filterWhere(open);
    return dsl.select(TAG, created, openNow)
        .from(TICKETS, TAGGED)
        .where(createdInRange.or(open))
        .groupBy(TAG)
        .orderBy(created.desc(), openNow.desc(), TAG)
        .limit(limit)
        .fetch(row -> new TagFigures(row.value1(), row.value2(), row.value3()));
  }

  /** Plain prefix comparison: {@code %} and {@code _} in a tag are no patterns. */
  private static Condition startsWith(String prefix) {
    return DSL.condition("starts_with({0}, {1})", TAG, DSL.val(prefix));
  }
}
