package dev.tempodesk.db.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list's text search over everything a person would search (subject, message bodies, people,
 * organization, tags, number) and the list's orders with their cursors, against a real Postgres:
 * the search document is kept by the triggers of migration V33, so the rows are written the way the
 * app writes them (ticket row, then its messages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketSearchTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-03-02T08:00:00Z");

  private final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final MessageRepository messages = new MessageRepository(dsl);
  private final ContactRepository contacts = new ContactRepository(dsl);
  private final OrganizationRepository organizations = new OrganizationRepository(dsl);

  private long acme;
  private long carla;
  private long dan;

  /** Tickets of the order walks: varied keys, many ties, some closed. */
  private final List<TicketsRecord> walked = new ArrayList<>();

  @BeforeAll
  void seed() {
    acme = organizations.insert("Quokka Logistics", "quokka.example").getId();
    carla =
        contacts
            .findOrCreate("carla.brightwater@quokka.example", "Carla Brightwater", acme)
            .getId();
    dan = contacts.findOrCreate("dan@elsewhere.example", "Dan Oddfellow", null).getId();
    Random random = new Random(20310302L);
    for (int i = 0; i < 40; i++) {
      boolean closed = random.nextInt(4) == 0;
      TicketsRecord row =
          ticket("Walk " + i + (i % 3 == 0 ? " zebra crossing" : ""), closed ? "CLOSED" : "NEW")
              .setResolution(closed ? "SOLVED" : null)
              .setClosedAt(closed ? T0 : null)
              .setCreatedAt(T0.minusMinutes(random.nextInt(8)).plusNanos(random.nextInt(3) * 1000))
              .setUpdatedAt(T0.plusMinutes(random.nextInt(8)))
              .setSlaSortKey(random.nextInt(6) == 0 ? Long.MAX_VALUE : random.nextInt(5));
      tickets.insert(row);
      if (i % 2 == 0) {
        message(row.getNumber(), "INBOUND", "The zebra stripes are fading near gate " + i, null);
      }
      walked.add(row);
    }
  }

  // ---------------------------------------------------------------- what is searched

  @Test
  void shouldFindATicketByAWordOnlyInAMessageBody() {
    long wanted = insert("Printer problem");
    message(wanted, "INBOUND", "My order 784512 arrived without the toner cartridge.", null);
    insert("Printer problem");

    assertThat(search("784512")).containsExactly(wanted);
    assertThat(search("cartridge")).containsExactly(wanted);
    assertThat(search("printer cartridge")).containsExactly(wanted);
  }

  @Test
  void shouldFindTheTextOfAnHtmlBodyButNotItsMarkup() {
    long wanted = insert("Question");
    message(
        wanted,
        "INBOUND",
        null,
        "<html><head><style>.marmalade { color: red }</style></head><body>"
            + "<p class=\"pomegranate\">Please check <b>invoice</b>&nbsp;INV-55012 "
            + "<a href=\"https://tangerine.example/x\">here</a></p><!-- kumquat --></body></html>");

    assertThat(search("invoice")).containsExactly(wanted);
    assertThat(search("inv-55012")).containsExactly(wanted);
    assertThat(search("pomegranate")).isEmpty();
    assertThat(search("marmalade")).isEmpty();
    assertThat(search("tangerine")).isEmpty();
    assertThat(search("kumquat")).isEmpty();
    assertThat(search("nbsp")).isEmpty();
  }

  @Test
  void shouldFindTicketsByReporterOrganizationAndMessageSender() {
    long reported = insert("Anything");
    long written = insert("Something", dan);
    message(written, "INBOUND", "hello", null, carla, "carla.brightwater@quokka.example");
    Set<Long> both = Set.of(reported, written);

    assertThat(search("brightwater")).containsAll(both);
    assertThat(search("carla.brightwater@quokka.example")).containsAll(both);
    assertThat(search("quokka logis")).contains(reported);
    assertThat(search("oddfellow")).contains(written).doesNotContain(reported);
  }

  @Test
  void shouldFindATicketByItsTags() {
    long tagged = insert("Tagged");
    tickets.writeProjection(
        tickets
            .find(tagged)
            .orElseThrow()
            .setTags(new String[] {"vip-gold", "billing"})
            .setVersion(2L));

    assertThat(search("vip-gold")).containsExactly(tagged);
    assertThat(search("billing")).containsExactly(tagged);

    tickets.writeProjection(
        tickets.find(tagged).orElseThrow().setTags(new String[] {}).setVersion(3L));
    assertThat(search("billing")).isEmpty();
  }

  @Test
  void shouldFindATicketByItsNumberAndTheTicketsMentioningIt() {
    long wanted = insert("By number");
    long mentioning = insert("Follow-up");
    message(mentioning, "INBOUND", "This is about ticket " + wanted + ".", null);

    assertThat(search("#" + wanted)).containsExactly(wanted, mentioning);
    assertThat(search(Long.toString(wanted))).containsExactly(wanted, mentioning);
  }

  @Test
  void shouldMatchPrefixesOfWordsInBodies() {
    long wanted = insert("Billing");
    message(wanted, "INBOUND", "I want a refund for the duplicated subscription.", null);

    assertThat(search("refu dupl")).containsExactly(wanted);
    assertThat(search("efund")).isEmpty();
  }

  @Test
  void shouldKeepTheSearchCurrentWhenAReporterIsRenamed() {
    long person = contacts.findOrCreate("olga@renamed.example", "Olga Oldname", null).getId();
    long wanted = insert("Renamed", person);

    contacts.update(person, "olga@renamed.example", "Olga Newname", null);

    assertThat(search("newname")).containsExactly(wanted);
    assertThat(search("oldname")).isEmpty();
  }

  @Test
  void shouldRankASubjectAndBodyMatchAboveABodyOnlyMatch() {
    long bodyOnly = insert("Something unrelated");
    message(bodyOnly, "INBOUND", "The gearbox rattles. The gearbox really rattles.", null);
    long both = insert("Gearbox noise");
    message(both, "INBOUND", "The gearbox rattles.", null);
    long subjectOnly = insert("Gearbox question");

    TicketFilter byRelevance = filter("gearbox", TicketSort.RELEVANCE, false);
    assertThat(numbers(tickets.list(byRelevance, null, 10)))
        .containsExactly(both, subjectOnly, bodyOnly);
  }

  @Test
  void shouldFindClosedTicketsOnlyWhenDoneTicketsAreIncluded() {
    TicketsRecord closed = ticket("Closed one", "CLOSED").setResolution("SOLVED").setClosedAt(T0);
    tickets.insert(closed);
    message(closed.getNumber(), "INBOUND", "The flamingo statue is broken.", null);

    assertThat(search("flamingo")).isEmpty();
    assertThat(numbers(tickets.list(filter("flamingo", TicketSort.RELEVANCE, true), null, 10)))
        .containsExactly(closed.getNumber());
  }

  // ---------------------------------------------------------------- orders and cursors

  @ParameterizedTest
  @EnumSource(TicketSort.class)
  void shouldWalkEveryOrderPageByPageWithoutGapsOrRepeats(TicketSort sort) {
    for (boolean includeDone : List.of(false, true)) {
      for (String text : new String[] {null, "zebra"}) {
        TicketFilter filter = filter(text, sort, includeDone);
        List<Long> whole = numbers(tickets.list(filter, null, 1000));
        List<Long> paged = walk(filter, 3);

        assertThat(whole).as("%s %s %s", sort, text, includeDone).hasSizeGreaterThan(6);
        assertThat(paged).as("%s %s %s", sort, text, includeDone).containsExactlyElementsOf(whole);
        assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
      }
    }
  }

  @Test
  void shouldOrderTheWalkedTicketsByEachSortsKeyThenNumber() {
    TicketFilter all = filter(null, TicketSort.URGENCY, true);
    List<Long> mine = walked.stream().map(TicketsRecord::getNumber).toList();

    assertThat(onlyWalked(walk(all, 4), mine))
        .containsExactlyElementsOf(
            sorted(
                Comparator.comparing(TicketsRecord::getSlaSortKey)
                    .thenComparing(TicketsRecord::getNumber)));
    assertThat(onlyWalked(walk(filter(null, TicketSort.CREATED, true), 4), mine))
        .containsExactlyElementsOf(
            sorted(
                Comparator.comparing(TicketsRecord::getCreatedAt)
                    .thenComparing(TicketsRecord::getNumber)
                    .reversed()));
    assertThat(onlyWalked(walk(filter(null, TicketSort.UPDATED, true), 4), mine))
        .containsExactlyElementsOf(
            sorted(
                Comparator.comparing(TicketsRecord::getUpdatedAt)
                    .thenComparing(TicketsRecord::getNumber)
                    .reversed()));
  }

  @Test
  void shouldListBySubjectMatchesFirstUnderRelevance() {
    // "zebra" is in the subject of every third walked ticket and in the body of every second.
    List<Long> ranked =
        numbers(tickets.list(filter("zebra", TicketSort.RELEVANCE, true), null, 100));
    int lastWithSubject = -1;
    int firstWithoutSubject = Integer.MAX_VALUE;
    for (int i = 0; i < ranked.size(); i++) {
      boolean inSubject = tickets.find(ranked.get(i)).orElseThrow().getSubject().contains("zebra");
      if (inSubject) {
        lastWithSubject = i;
      } else {
        firstWithoutSubject = Math.min(firstWithoutSubject, i);
      }
    }
    assertThat(lastWithSubject).isLessThan(firstWithoutSubject);
  }

  @Test
  void shouldTreatRelevanceWithoutATextAsUrgency() {
    TicketFilter relevance = filter("  ?! ", TicketSort.RELEVANCE, true);

    assertThat(relevance.order()).isEqualTo(TicketSort.URGENCY);
    assertThat(numbers(tickets.list(relevance, null, 1000)))
        .containsExactlyElementsOf(
            numbers(tickets.list(filter(null, TicketSort.URGENCY, true), null, 1000)));
  }

  @Test
  void shouldRefuseACursorOfAnotherOrder() {
    TicketCursor urgency =
        tickets.list(filter(null, TicketSort.URGENCY, true), null, 2).next().orElseThrow();

    assertThatThrownBy(() -> tickets.list(filter(null, TicketSort.CREATED, true), urgency, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("URGENCY");
  }

  @Test
  void shouldReadCursorsHandedOutBeforeThereWereOrdersAsUrgency() {
    String old =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("5:1001".getBytes(StandardCharsets.UTF_8));

    assertThat(TicketCursor.decode(old)).contains(new TicketCursor(TicketSort.URGENCY, 5, 1001));
  }

  @ParameterizedTest
  @EnumSource(TicketSort.class)
  void shouldDecodeWhatItEncodedForEveryOrder(TicketSort sort) {
    for (long key :
        new long[] {0, -1, 253_402_300_799_999_999L, Float.floatToIntBits(0.0607927f)}) {
      TicketCursor cursor = new TicketCursor(sort, key, 1042);
      assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
      assertThat(TicketCursor.decode(cursor.encode())).contains(cursor);
    }
  }

  @Test
  void shouldKeepThePriorityTierInPriorityCursors() {
    TicketCursor cursor = new TicketCursor(TicketSort.PRIORITY, 3, Long.MAX_VALUE, 1042);

    assertThat(TicketCursor.decode(cursor.encode())).contains(cursor);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "URGENCY:1:2",
        "SIDEWAYS:1:2",
        "CREATED:1",
        "CREATED:x:2",
        "CREATED:1:2:3",
        "UPDATED:-9223372036854775808:1",
        "PRIORITY:1:2",
        "PRIORITY:4:1:2",
        "PRIORITY:-1:1:2",
        "CREATED:0:1:2"
      })
  void shouldRejectMalformedOrderedCursors(String plain) {
    String encoded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(plain.getBytes(StandardCharsets.UTF_8));

    assertThat(TicketCursor.decode(encoded)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private List<Long> search(String text) {
    return numbers(tickets.list(filter(text, TicketSort.URGENCY, false), null, 1000));
  }

  private static TicketFilter filter(String text, TicketSort sort, boolean includeDone) {
    return new TicketFilter(
        Set.of(), Set.of(), null, false, null, text, includeDone, Set.of(), Set.of(), null, sort);
  }

  private List<Long> walk(TicketFilter filter, int limit) {
    List<Long> numbers = new ArrayList<>();
    TicketCursor cursor = null;
    int pages = 0;
    do {
      TicketPage page = tickets.list(filter, cursor, limit);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      numbers.addAll(numbers(page));
      cursor =
          page.next().map(next -> TicketCursor.decode(next.encode()).orElseThrow()).orElse(null);
    } while (cursor != null && ++pages < 1000);
    return numbers;
  }

  private List<Long> sorted(Comparator<TicketsRecord> order) {
    return walked.stream().sorted(order).map(TicketsRecord::getNumber).toList();
  }

  private static List<Long> onlyWalked(List<Long> numbers, List<Long> walked) {
    return numbers.stream().filter(walked::contains).toList();
  }

  private static List<Long> numbers(TicketPage page) {
    return page.items().stream().map(TicketView::number).toList();
  }

  private long insert(String subject) {
    return insert(subject, carla);
  }

  private long insert(String subject, long reporter) {
    TicketsRecord row = ticket(subject, "NEW").setReporterId(reporter);
    row.setOrganizationId(reporter == carla ? acme : null);
    tickets.insert(row);
    return row.getNumber();
  }

  private TicketsRecord ticket(String subject, String status) {
    return new TicketsRecord()
        .setNumber(tickets.nextNumber())
        .setSubject(subject)
        .setStatus(status)
        .setPriority("NORMAL")
        .setReporterId(carla)
        .setOrganizationId(acme)
        .setChannel("EMAIL")
        .setCreatedAt(T0)
        .setUpdatedAt(T0)
        .setVersion(1L);
  }

  private void message(long ticket, String direction, String text, String html) {
    message(ticket, direction, text, html, null, null);
  }

  private void message(
      long ticket, String direction, String text, String html, Long author, String from) {
    messages.insert(
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(ticket)
            .setDirection(direction)
            .setAuthorContactId(author)
            .setFromAddress(from)
            .setBodyText(text)
            .setBodyHtml(html)
            .setOccurredAt(T0));
  }
}
