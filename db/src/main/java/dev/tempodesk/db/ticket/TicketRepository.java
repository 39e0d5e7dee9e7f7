package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Sequences.TICKET_NUMBERS;
import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.ASSETS;
import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.ORGANIZATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/** Reads and writes of the tickets table, the projection of the ticket workflows. */
@Repository
public class TicketRepository {
  private static final Pattern TICKET_NUMBER = Pattern.compile("#?(\\d{1,18})");

  private static final String RANK = "search_rank";

  private static final Set<Field<?>> IMMUTABLE_COLUMNS =
      Set.of(TICKETS.NUMBER, TICKETS.CREATED_AT, TICKETS.SEARCH_VECTOR);

  private final DSLContext dsl;
  private final Clock clock;

  public TicketRepository(DSLContext dsl) {
    this(dsl, Clock.systemUTC());
  }

  /**
   * @param clock "now" of the filters that are relative to it ({@link TicketFilter#idleFor()})
   */
  @Autowired
  public TicketRepository(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
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

  /** Whom or what {@link #listRelated} lists the tickets of. */
  public enum RelatedBy {
    REPORTER,
    ORGANIZATION,
    ASSET
  }

  /**
   * The tickets of one reporter, organization or asset, for the customer context of a ticket and
   * the organization page: not CLOSED ones first, then the newest first.
   *
   * @param exceptNumber a ticket to leave out (the one the context is shown on), or null
   */
  public List<TicketView> listRelated(RelatedBy by, long id, Long exceptNumber, int limit) {
    return listRelated(by, id, exceptNumber, limit, TicketAccess.ALL);
  }

  /** {@link #listRelated(RelatedBy, long, Long, int)} of the tickets {@code access} sees. */
  public List<TicketView> listRelated(
      RelatedBy by, long id, Long exceptNumber, int limit, TicketAccess access) {
    Field<Long> column =
        switch (by) {
          case REPORTER -> TICKETS.REPORTER_ID;
          case ORGANIZATION -> TICKETS.ORGANIZATION_ID;
          case ASSET -> TICKETS.ASSET_ID;
        };
    Condition which = column.eq(id).and(access.condition());
    if (exceptNumber != null) {
      which = which.and(TICKETS.NUMBER.ne(exceptNumber));
    }
    return selectViews()
        .where(which)
        .orderBy(
            DSL.when(TICKETS.STATUS.eq("CLOSED"), 1).otherwise(0),
            TICKETS.CREATED_AT.desc(),
            TICKETS.NUMBER.desc())
        .limit(limit)
        .fetch(TicketRepository::toView);
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

  /**
   * One page of the list in the filter's order ({@link TicketFilter#order()}), keyset-paginated:
   * URGENCY soonest resolve deadline first; RELEVANCE best match first; CREATED / UPDATED newest
   * first; PRIORITY URGENT first, then as URGENCY. Every order ends with the number, so equal keys
   * never make a page skip or repeat a row.
   *
   * @param after a cursor of a previous page of the same order
   * @throws IllegalArgumentException if {@code after} was made for another order
   */
  public TicketPage list(TicketFilter filter, TicketCursor after, int limit) {
    Order order = Order.of(filter);
    List<Condition> conditions = conditionsFor(filter);
    if (after != null) {
      if (after.sort() != order.sort()) {
        throw new IllegalArgumentException(
            "The cursor is of the " + after.sort() + " order, the list is " + order.sort());
      }
      conditions.add(order.after(after));
    }
    // The page's tickets are picked first and only they are joined with their people: joined
    // before the limit, a search matching thousands of tickets joined them all (B2 measured 50 to
    // 140 ms at a million tickets, a hash over every contact included).
    var pageNumbers =
        DSL.select(TICKETS.NUMBER)
            .from(TICKETS)
            .where(conditions)
            .orderBy(order.fields())
            .limit(limit + 1);
    List<Record> rows =
        selectViews(order.extra())
            .where(TICKETS.NUMBER.in(pageNumbers))
            .orderBy(order.fields())
            .fetch();
    List<TicketView> views = rows.stream().limit(limit).map(TicketRepository::toView).toList();
    if (rows.size() <= limit) {
      return new TicketPage(views, Optional.empty());
    }
    return new TicketPage(views, Optional.of(order.cursor(rows.get(limit - 1))));
  }

  /**
   * Every ticket the filter matches, in the list's order ({@link #list} without pages), handed to
   * {@code each} one at a time from a server-side cursor that fetches {@code fetchSize} rows per
   * round trip: an export of a million tickets holds one batch in memory, never the result. Call it
   * inside a transaction (Postgres keeps a cursor only within one; outside, the driver reads the
   * whole result). An exception thrown by {@code each} (a client gone mid-export) closes the
   * cursor, so the query stops.
   */
  public void forEachMatching(TicketFilter filter, int fetchSize, Consumer<TicketView> each) {
    Order order = Order.of(filter);
    try (Cursor<Record> rows =
        selectViews(order.extra())
            .where(conditionsFor(filter))
            .orderBy(order.fields())
            .fetchSize(fetchSize)
            .fetchLazy()) {
      for (Record row : rows) {
        each.accept(toView(row));
      }
    }
  }

  /**
   * A priority's place in the PRIORITY order, URGENT 0 to LOW 3. Literals inlined, so the
   * expression is the one of the index {@code tickets_active_by_priority} (V42).
   */
  private static final Field<Integer> PRIORITY_TIER =
      DSL.choose(TICKETS.PRIORITY)
          .when(DSL.inline("URGENT"), DSL.inline(0))
          .when(DSL.inline("HIGH"), DSL.inline(1))
          .when(DSL.inline("NORMAL"), DSL.inline(2))
          .otherwise(DSL.inline(3));

  private static final String TIER = "priority_tier";

  /** The order of a list: its key, the fields it sorts by, and the keyset condition past a row. */
  private record Order(TicketSort sort, Field<Float> rank, List<SortField<?>> fields) {
    static Order of(TicketFilter filter) {
      return switch (filter.order()) {
        case URGENCY ->
            new Order(
                TicketSort.URGENCY,
                null,
                List.of(TICKETS.SLA_SORT_KEY.asc(), TICKETS.NUMBER.asc()));
        case CREATED ->
            new Order(
                TicketSort.CREATED,
                null,
                List.of(TICKETS.CREATED_AT.desc(), TICKETS.NUMBER.desc()));
        case UPDATED ->
            new Order(
                TicketSort.UPDATED,
                null,
                List.of(TICKETS.UPDATED_AT.desc(), TICKETS.NUMBER.desc()));
        case PRIORITY ->
            new Order(
                TicketSort.PRIORITY,
                null,
                List.of(PRIORITY_TIER.asc(), TICKETS.SLA_SORT_KEY.asc(), TICKETS.NUMBER.asc()));
        case RELEVANCE -> {
          Field<Float> rank = TicketRepository.rank(filter.text().strip());
          yield new Order(TicketSort.RELEVANCE, rank, List.of(rank.desc(), TICKETS.NUMBER.asc()));
        }
      };
    }

    /** What the page's rows carry besides the ticket: the rank, for the next page's cursor. */
    List<Field<?>> extra() {
      if (sort == TicketSort.PRIORITY) {
        return List.of(PRIORITY_TIER.as(TIER));
      }
      return rank == null ? List.of() : List.of(rank.as(RANK));
    }

    Condition after(TicketCursor cursor) {
      return switch (sort) {
        case URGENCY ->
            DSL.row(TICKETS.SLA_SORT_KEY, TICKETS.NUMBER).gt(cursor.key(), cursor.number());
        case CREATED ->
            DSL.row(TICKETS.CREATED_AT, TICKETS.NUMBER)
                .lt(fromMicros(cursor.key()), cursor.number());
        case UPDATED ->
            DSL.row(TICKETS.UPDATED_AT, TICKETS.NUMBER)
                .lt(fromMicros(cursor.key()), cursor.number());
        case PRIORITY ->
            DSL.row(PRIORITY_TIER, TICKETS.SLA_SORT_KEY, TICKETS.NUMBER)
                .gt(DSL.inline(cursor.tier()), DSL.val(cursor.key()), DSL.val(cursor.number()));
        case RELEVANCE -> {
          float last = Float.intBitsToFloat((int) cursor.key());
          yield rank.lt(last).or(rank.eq(last).and(TICKETS.NUMBER.gt(cursor.number())));
        }
      };
    }

    TicketCursor cursor(Record row) {
      long number = row.get(TICKETS.NUMBER);
      return switch (sort) {
        case URGENCY -> new TicketCursor(row.get(TICKETS.SLA_SORT_KEY), number);
        case CREATED -> new TicketCursor(sort, toMicros(row.get(TICKETS.CREATED_AT)), number);
        case UPDATED -> new TicketCursor(sort, toMicros(row.get(TICKETS.UPDATED_AT)), number);
        case PRIORITY ->
            new TicketCursor(
                sort, row.get(TIER, Integer.class), row.get(TICKETS.SLA_SORT_KEY), number);
        case RELEVANCE ->
            new TicketCursor(sort, Float.floatToIntBits(row.get(RANK, Float.class)), number);
      };
    }

    private static long toMicros(OffsetDateTime time) {
      Instant instant = time.toInstant();
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    private static OffsetDateTime fromMicros(long micros) {
      return OffsetDateTime.ofInstant(
          Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }
  }

  /**
   * How many tickets the filter matches, counted up to {@code cap}: a saved view's badge shows
   * "999+" rather than making Postgres count a million rows on every refresh of the rail.
   *
   * @return the count, or {@code cap} when at least that many match
   */
  public int count(TicketFilter filter, int cap) {
    var matching = DSL.selectOne().from(TICKETS).where(conditionsFor(filter)).limit(cap);
    return dsl.fetchCount(matching);
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

  private List<Condition> conditionsFor(TicketFilter filter) {
    List<Condition> conditions = new ArrayList<>();
    if (!filter.access().all()) {
      conditions.add(filter.access().condition());
    }
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
    if (!filter.mailboxIds().isEmpty()) {
      conditions.add(TICKETS.MAILBOX_ID.in(filter.mailboxIds()));
    }
    if (!filter.channels().isEmpty()) {
      conditions.add(TICKETS.CHANNEL.in(filter.channels()));
    }
    if (!filter.organizationIds().isEmpty()) {
      conditions.add(TICKETS.ORGANIZATION_ID.in(filter.organizationIds()));
    }
    if (!filter.groupIds().isEmpty()) {
      conditions.add(TICKETS.GROUP_ID.in(filter.groupIds()));
    }
    conditions.addAll(within(TICKETS.CREATED_AT, filter.created()));
    conditions.addAll(within(TICKETS.UPDATED_AT, filter.updated()));
    if (filter.searches()) {
      conditions.add(textCondition(filter.text().strip()));
    }
    if (!filter.tags().isEmpty()) {
      // All of them; served by the GIN index tickets_tags.
      String[] tags = filter.tags().toArray(String[]::new);
      conditions.add(
          DSL.condition("{0} @> {1}", TICKETS.TAGS, DSL.val(tags, TICKETS.TAGS.getDataType())));
    }
    conditions.addAll(waitingConditions(filter));
    return conditions;
  }

  private static List<Condition> within(Field<OffsetDateTime> time, TimeRange range) {
    List<Condition> conditions = new ArrayList<>();
    if (range.from() != null) {
      conditions.add(time.ge(range.from().atOffset(ZoneOffset.UTC)));
    }
    if (range.until() != null) {
      conditions.add(time.lt(range.until().atOffset(ZoneOffset.UTC)));
    }
    return conditions;
  }

  /** Pending reasons and idle time: "waiting on the customer for more than two days". */
  private List<Condition> waitingConditions(TicketFilter filter) {
    List<Condition> conditions = new ArrayList<>();
    if (!filter.pendingReasons().isEmpty()) {
      conditions.add(TICKETS.STATUS.eq("PENDING"));
      conditions.add(TICKETS.PENDING_REASON.in(filter.pendingReasons()));
    }
    if (filter.idleFor() != null) {
      OffsetDateTime changedBy = clock.instant().minus(filter.idleFor()).atOffset(ZoneOffset.UTC);
      conditions.add(TICKETS.UPDATED_AT.le(changedBy));
    }
    return conditions;
  }

  /**
   * Words find tickets whose document (subject, message bodies, people, organization, tags; see
   * migration V33) has words starting with each of them. "#1042" or "1042" finds that ticket, and
   * tickets whose document holds the number as a word (an order number in a mail).
   */
  private static Condition textCondition(String text) {
    var number = TICKET_NUMBER.matcher(text);
    if (number.matches()) {
      return TICKETS
          .NUMBER
          .eq(Long.parseLong(number.group(1)))
          .or(DSL.condition("{0} @@ {1}", TICKETS.SEARCH_VECTOR, query(text)));
    }
    return DSL.condition("{0} @@ {1}", TICKETS.SEARCH_VECTOR, query(text));
  }

  /**
   * How well a ticket matches: {@code ts_rank} of its document (a subject word counts ten times a
   * body word, a person, organization or tag four times), and the ticket whose number was typed
   * first of all.
   */
  private static Field<Float> rank(String text) {
    Field<Float> rank =
        DSL.field("ts_rank({0}, {1})", SQLDataType.REAL, TICKETS.SEARCH_VECTOR, query(text));
    var number = TICKET_NUMBER.matcher(text);
    if (number.matches()) {
      return DSL.field(
          "cast({0} + case when {1} then 1 else 0 end as real)",
          SQLDataType.REAL, rank, TICKETS.NUMBER.eq(Long.parseLong(number.group(1))));
    }
    return rank;
  }

  /** A number is looked for as a whole word; anything else as prefixes. */
  private static Field<Object> query(String text) {
    var number = TICKET_NUMBER.matcher(text);
    if (number.matches()) {
      return DSL.field("cast({0} as tsquery)", DSL.val("'" + number.group(1) + "'"));
    }
    return prefixQuery(text);
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
    return selectViews(List.of());
  }

  private SelectOnConditionStep<Record> selectViews(List<Field<?>> extra) {
    return dsl.select(TICKETS.asterisk().except(TICKETS.SEARCH_VECTOR))
        .select(
            AGENTS.DISPLAY_NAME,
            CONTACTS.DISPLAY_NAME,
            CONTACTS.EMAIL,
            ORGANIZATIONS.NAME,
            ASSETS.NAME,
            GROUPS.NAME)
        .select(extra)
        .from(TICKETS)
        .join(CONTACTS)
        .on(CONTACTS.ID.eq(TICKETS.REPORTER_ID))
        .leftJoin(AGENTS)
        .on(AGENTS.ID.eq(TICKETS.ASSIGNEE_ID))
        .leftJoin(ORGANIZATIONS)
        .on(ORGANIZATIONS.ID.eq(TICKETS.ORGANIZATION_ID))
        .leftJoin(ASSETS)
        .on(ASSETS.ID.eq(TICKETS.ASSET_ID))
        .leftJoin(GROUPS)
        .on(GROUPS.ID.eq(TICKETS.GROUP_ID));
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
        row.get(TICKETS.GROUP_ID),
        row.get(GROUPS.NAME),
        row.get(TICKETS.TAGS) == null ? List.of() : List.of(row.get(TICKETS.TAGS)),
        row.into(TICKETS));
  }
}
