package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Sequences.TICKET_NUMBERS;
import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.ASSETS;
import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.ORGANIZATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads and writes of the tickets table, the projection of the ticket workflows. */
@Repository
public class TicketRepository {
  private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");
  private static final Pattern NOT_A_WORD_CHAR = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final Set<Field<?>> IMMUTABLE_COLUMNS =
      Set.of(TICKETS.NUMBER, TICKETS.CREATED_AT, TICKETS.SEARCH_VECTOR);

  private final DSLContext dsl;

  public TicketRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public long nextNumber() {
    return dsl.nextval(TICKET_NUMBERS);
  }

  public void insert(TicketsRecord ticket) {
    dsl.insertInto(TICKETS).set(ticket).execute();
  }

  public Optional<TicketsRecord> find(long number) {
    return dsl.selectFrom(TICKETS).where(TICKETS.NUMBER.eq(number)).fetchOptional();
  }

  public Optional<TicketView> findView(long number) {
    return selectViews().where(TICKETS.NUMBER.eq(number)).fetchOptional(TicketRepository::toView);
  }

  /**
   * Writes the workflow's view of a ticket. A write carrying an older version than the row is
   * ignored, so a retried or late activity can never roll a ticket back.
   *
   * @return true if the row now holds this version
   */
  public boolean writeProjection(TicketsRecord ticket) {
    // Only the columns the caller set: the workflow does not own mailbox, thread and the like.
    Map<Field<?>, Object> changes = new LinkedHashMap<>();
    for (Field<?> field : ticket.fields()) {
      if (ticket.changed(field) && !IMMUTABLE_COLUMNS.contains(field)) {
        changes.put(field, ticket.get(field));
      }
    }
    return dsl.update(TICKETS)
            .set(changes)
            .where(TICKETS.NUMBER.eq(ticket.getNumber()))
            .and(TICKETS.VERSION.le(ticket.getVersion()))
            .execute()
        == 1;
  }

  /** Tickets whose workflow should be running: not closed, or closed after {@code closedAfter}. */
  public List<TicketsRecord> findLive(OffsetDateTime closedAfter) {
    return dsl.selectFrom(TICKETS)
        .where(TICKETS.STATUS.ne("CLOSED").or(TICKETS.CLOSED_AT.gt(closedAfter)))
        .orderBy(TICKETS.NUMBER)
        .fetch();
  }

  /** Most urgent first (soonest resolve deadline), then by number; keyset-paginated. */
  public TicketPage list(TicketFilter filter, TicketCursor after, int limit) {
    List<Condition> conditions = conditionsFor(filter);
    if (after != null) {
      conditions.add(
          DSL.row(TICKETS.SLA_SORT_KEY, TICKETS.NUMBER).gt(after.slaSortKey(), after.number()));
    }
    // The page's tickets are picked first and only they are joined with their people: joined
    // before the limit, a search matching thousands of tickets joined them all (B2 measured 50 to
    // 140 ms at a million tickets, a hash over every contact included).
    var pageNumbers =
        DSL.select(TICKETS.NUMBER)
            .from(TICKETS)
            .where(conditions)
            .orderBy(TICKETS.SLA_SORT_KEY, TICKETS.NUMBER)
            .limit(limit + 1);
    List<TicketView> rows =
        selectViews()
            .where(TICKETS.NUMBER.in(pageNumbers))
            .orderBy(TICKETS.SLA_SORT_KEY, TICKETS.NUMBER)
            .fetch(TicketRepository::toView);
    if (rows.size() <= limit) {
      return new TicketPage(rows, Optional.empty());
    }
    List<TicketView> page = rows.subList(0, limit);
    return new TicketPage(List.copyOf(page), Optional.of(page.getLast().cursor()));
  }

  /**
   * The numbers of the tickets the filter matches (as {@link #list} would list them), ascending, at
   * most {@code limit}: a bulk action's "all matching", resolved when it starts.
   */
  public List<Long> matchingNumbers(TicketFilter filter, int limit) {
    return dsl.select(TICKETS.NUMBER)
        .from(TICKETS)
        .where(conditionsFor(filter))
        .orderBy(TICKETS.NUMBER)
        .limit(limit)
        .fetch(TICKETS.NUMBER);
  }

  /** Those of {@code numbers} that name no ticket, ascending. */
  public List<Long> unknownNumbers(List<Long> numbers) {
    var known =
        dsl.select(TICKETS.NUMBER)
            .from(TICKETS)
            .where(TICKETS.NUMBER.in(numbers))
            .fetchSet(TICKETS.NUMBER);
    return numbers.stream().filter(n -> !known.contains(n)).sorted().toList();
  }

  private static List<Condition> conditionsFor(TicketFilter filter) {
    List<Condition> conditions = new ArrayList<>();
    if (!filter.statuses().isEmpty()) {
      conditions.add(TICKETS.STATUS.in(filter.statuses()));
    } else if (!filter.includeDone()) {
      conditions.add(TICKETS.STATUS.ne("CLOSED"));
    }
    if (!filter.priorities().isEmpty()) {
      conditions.add(TICKETS.PRIORITY.in(filter.priorities()));
    }
    if (filter.assigneeId() != null) {
      conditions.add(TICKETS.ASSIGNEE_ID.eq(filter.assigneeId()));
    } else if (filter.unassigned()) {
      conditions.add(TICKETS.ASSIGNEE_ID.isNull());
    }
    if (filter.reporterId() != null) {
      conditions.add(TICKETS.REPORTER_ID.eq(filter.reporterId()));
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      conditions.add(textCondition(filter.text().strip()));
    }
    return conditions;
  }

  /**
   * "#1042" or "1042" finds that ticket; words find subjects containing words with those prefixes.
   */
  private static Condition textCondition(String text) {
    var number = TICKET_NUMBER.matcher(text);
    if (number.matches()) {
      return TICKETS.NUMBER.eq(Long.parseLong(number.group(1)));
    }
    if (NOT_A_WORD_CHAR.matcher(text).matches()) {
      return DSL.noCondition();
    }
    return DSL.condition("{0} @@ {1}", TICKETS.SEARCH_VECTOR, prefixQuery(text));
  }

  /**
   * Every word of the text as a prefix, all required. The words are cut by the parser that built
   * {@code search_vector}: cut in Java, "3.5", "v2.1", "john@acme.example" or "web01.acme.local"
   * would become pieces that Postgres never indexed, and a subject could not be found by its own
   * words. Hyphenated words count by their parts, which the vector holds too, so "wi-f" still finds
   * "Wi-Fi". Each lexeme is quoted, so operators typed by users are never query syntax.
   */
  private static Field<Object> prefixQuery(String text) {
    return DSL.field(
        "(select cast(string_agg('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''')"
            + " || ''':*', ' & ') as tsquery)"
            + " from ts_debug('simple', {0}) as token, unnest(token.lexemes) as lexeme"
            + " where token.alias not in ('asciihword', 'hword', 'numhword'))",
        DSL.val(text));
  }

  private SelectOnConditionStep<Record> selectViews() {
    return dsl.select(TICKETS.asterisk().except(TICKETS.SEARCH_VECTOR))
        .select(
            AGENTS.DISPLAY_NAME,
            CONTACTS.DISPLAY_NAME,
            CONTACTS.EMAIL,
            ORGANIZATIONS.NAME,
            ASSETS.NAME)
        .from(TICKETS)
        .join(CONTACTS)
        .on(CONTACTS.ID.eq(TICKETS.REPORTER_ID))
        .leftJoin(AGENTS)
        .on(AGENTS.ID.eq(TICKETS.ASSIGNEE_ID))
        .leftJoin(ORGANIZATIONS)
        .on(ORGANIZATIONS.ID.eq(TICKETS.ORGANIZATION_ID))
        .leftJoin(ASSETS)
        .on(ASSETS.ID.eq(TICKETS.ASSET_ID));
  }

  private static TicketView toView(Record row) {
    return new TicketView(
        row.get(TICKETS.NUMBER),
        row.get(TICKETS.SUBJECT),
        row.get(TICKETS.STATUS),
        row.get(TICKETS.PRIORITY),
        row.get(TICKETS.CHANNEL),
        row.get(TICKETS.ASSIGNEE_ID),
        row.get(AGENTS.DISPLAY_NAME),
        row.get(TICKETS.REPORTER_ID),
        row.get(CONTACTS.DISPLAY_NAME),
        row.get(CONTACTS.EMAIL),
        row.get(TICKETS.ORGANIZATION_ID),
        row.get(ORGANIZATIONS.NAME),
        row.get(TICKETS.ASSET_ID),
        row.get(ASSETS.NAME),
        row.get(TICKETS.PENDING_REASON),
        row.get(TICKETS.PENDING_UNTIL),
        row.get(TICKETS.RESOLUTION),
        row.get(TICKETS.PREVIOUS_TICKET),
        row.get(TICKETS.CREATED_AT),
        row.get(TICKETS.ASSIGNED_AT),
        row.get(TICKETS.FIRST_RESPONSE_AT),
        row.get(TICKETS.CLOSED_AT),
        row.get(TICKETS.ASSIGN_DUE_AT),
        row.get(TICKETS.RESOLVE_DUE_AT),
        row.get(TICKETS.SLA_SORT_KEY),
        row.get(TICKETS.VERSION),
        row.get(TICKETS.UPDATED_AT),
        row.into(TICKETS));
  }
}
