package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The list's issue-20 filters (mailbox, channel, organization, reporter, created and updated
 * ranges) and the PRIORITY order, against a real Postgres: every answer is compared with the same
 * question asked in Java of what was inserted. Few distinct times, priorities and deadlines, so
 * that pages end inside groups of equal keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketListFiltersTest {
  private static final int TICKET_COUNT = 240;
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-06-01T00:00:00Z");
  private static final List<String> PRIORITIES = List.of("URGENT", "HIGH", "NORMAL", "LOW");
  private static final List<String> CHANNELS = List.of("EMAIL", "PORTAL", "PHONE", "AGENT");

  private TicketRepository tickets;
  private final List<TicketsRecord> seeded = new ArrayList<>();
  private long support;
  private long sales;
  private long acme;
  private long globex;
  private List<ContactsRecord> contacts;

  @BeforeAll
  void seed() {
    DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    tickets = new TicketRepository(dsl);
    support = mailbox(dsl, "support");
    sales = mailbox(dsl, "sales");
    OrganizationRepository organizations = new OrganizationRepository(dsl);
    acme = organizations.insert("Acme", "acme.example").getId();
    globex = organizations.insert("Globex", "globex.example").getId();
    ContactRepository people = new ContactRepository(dsl);
    contacts =
        List.of(
            people.findOrCreate("carla@acme.example", "Carla", acme),
            people.findOrCreate("dan@acme.example", "Dan", acme),
            people.findOrCreate("gina@globex.example", "Gina", globex),
            people.findOrCreate("walk-in@example.org", "Walk In", null));
    Random random = new Random(20310601L);
    List<Long> mailboxes = new ArrayList<>();
    mailboxes.add(null);
    mailboxes.add(support);
    mailboxes.add(sales);
    for (int i = 0; i < TICKET_COUNT; i++) {
      ContactsRecord reporter = contacts.get(random.nextInt(contacts.size()));
      String status = random.nextInt(5) == 0 ? "CLOSED" : "NEW";
      // Times on whole half-days of one week, deadlines on six hours: many ties.
      OffsetDateTime created = T0.plusHours(12L * random.nextInt(14));
      OffsetDateTime updated = created.plusHours(12L * random.nextInt(3));
      TicketsRecord row =
          new TicketsRecord()
              .setNumber(tickets.nextNumber())
              .setSubject("Ticket " + i)
              .setStatus(status)
              .setPriority(PRIORITIES.get(random.nextInt(PRIORITIES.size())))
              .setReporterId(reporter.getId())
              .setOrganizationId(reporter.getOrganizationId())
              .setMailboxId(mailboxes.get(random.nextInt(mailboxes.size())))
              .setChannel(CHANNELS.get(random.nextInt(CHANNELS.size())))
              .setCreatedAt(created)
              .setUpdatedAt(updated)
              .setSlaSortKey(
                  random.nextInt(5) == 0
                      ? Long.MAX_VALUE
                      : T0.toInstant().toEpochMilli() + random.nextInt(6) * 3_600_000L)
              .setVersion(1L);
      if (status.equals("CLOSED")) {
        row.setResolution("SOLVED").setClosedAt(updated);
      }
      tickets.insert(row);
      seeded.add(row);
    }
  }

  @Test
  void shouldListOnlyTheAskedMailboxes() {
    assertListed(
        filter(Set.of(support), Set.of(), Set.of(), null, TimeRange.ANY, TimeRange.ANY),
        ticket -> Long.valueOf(support).equals(ticket.getMailboxId()));
    assertListed(
        filter(Set.of(support, sales), Set.of(), Set.of(), null, TimeRange.ANY, TimeRange.ANY),
        ticket -> ticket.getMailboxId() != null);
  }

  @Test
  void shouldListNothingForAnUnknownMailboxOrOrganization() {
    long unknown = Math.max(support, sales) + 1000;
    assertThat(list(filter(Set.of(unknown), Set.of(), Set.of(), null, null, null))).isEmpty();
    assertThat(list(filter(Set.of(), Set.of(), Set.of(unknown), null, null, null))).isEmpty();
  }

  @Test
  void shouldListOnlyTheAskedChannels() {
    assertListed(
        filter(Set.of(), Set.of("PORTAL"), Set.of(), null, null, null),
        ticket -> ticket.getChannel().equals("PORTAL"));
    assertListed(
        filter(Set.of(), Set.of("EMAIL", "AGENT"), Set.of(), null, null, null),
        ticket -> Set.of("EMAIL", "AGENT").contains(ticket.getChannel()));
  }

  @Test
  void shouldListOnlyTheAskedOrganizations() {
    assertListed(
        filter(Set.of(), Set.of(), Set.of(globex), null, null, null),
        ticket -> Long.valueOf(globex).equals(ticket.getOrganizationId()));
    assertListed(
        filter(Set.of(), Set.of(), Set.of(acme, globex), null, null, null),
        ticket -> ticket.getOrganizationId() != null);
  }

  @Test
  void shouldCombineReporterMailboxAndChannel() {
    long dan = contacts.get(1).getId();
    assertListed(
        filter(Set.of(sales), Set.of("EMAIL", "PHONE"), Set.of(), dan, null, null),
        ticket ->
            ticket.getReporterId() == dan
                && Long.valueOf(sales).equals(ticket.getMailboxId())
                && Set.of("EMAIL", "PHONE").contains(ticket.getChannel()));
  }

  @Test
  void shouldListTicketsCreatedFromInclusiveUntilExclusive() {
    Instant from = T0.plusDays(2).toInstant();
    Instant until = T0.plusDays(4).toInstant();
    Predicate<TicketsRecord> inRange =
        ticket ->
            !ticket.getCreatedAt().toInstant().isBefore(from)
                && ticket.getCreatedAt().toInstant().isBefore(until);

    assertListed(
        filter(Set.of(), Set.of(), Set.of(), null, new TimeRange(from, until), null), inRange);
    // Tickets created exactly at "from" are in, exactly at "until" out.
    assertThat(list(filter(Set.of(), Set.of(), Set.of(), null, new TimeRange(from, until), null)))
        .containsAll(numbers(ticket -> ticket.getCreatedAt().toInstant().equals(from)))
        .doesNotContainAnyElementsOf(
            numbers(ticket -> ticket.getCreatedAt().toInstant().equals(until)));
  }

  @Test
  void shouldListTicketsUpdatedInAnOpenEndedRange() {
    Instant from = T0.plusDays(5).toInstant();
    assertListed(
        filter(Set.of(), Set.of(), Set.of(), null, null, new TimeRange(from, null)),
        ticket -> !ticket.getUpdatedAt().toInstant().isBefore(from));
    assertListed(
        filter(Set.of(), Set.of(), Set.of(), null, null, new TimeRange(null, from)),
        ticket -> ticket.getUpdatedAt().toInstant().isBefore(from));
  }

  @Test
  void shouldListUrgentTicketsFirstThenBySoonestDeadline() {
    TicketFilter byPriority =
        sorted(TicketSort.PRIORITY, Set.of(), Set.of(), Set.of(), null, null, null);
    Map<String, Integer> tier = Map.of("URGENT", 0, "HIGH", 1, "NORMAL", 2, "LOW", 3);

    assertThat(list(byPriority))
        .containsExactlyElementsOf(
            expected(
                ticket -> true,
                Comparator.comparing((TicketsRecord ticket) -> tier.get(ticket.getPriority()))
                    .thenComparing(TicketsRecord::getSlaSortKey)
                    .thenComparing(TicketsRecord::getNumber)));
  }

  @ParameterizedTest
  @EnumSource(
      value = TicketSort.class,
      names = {"URGENCY", "CREATED", "UPDATED", "PRIORITY"})
  void shouldWalkAFilteredListWithTiesWithoutGapsOrRepeats(TicketSort sort) {
    TicketFilter filtered =
        sorted(
            sort,
            Set.of(support, sales),
            Set.of(),
            Set.of(),
            null,
            new TimeRange(T0.plusDays(1).toInstant(), null),
            null);
    List<Long> whole = list(filtered);
    for (int limit : new int[] {1, 3, 7}) {
      List<Long> paged = walk(filtered, limit);

      assertThat(paged).as("%s by %d", sort, limit).containsExactlyElementsOf(whole);
      assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
    }
    assertThat(whole).hasSizeGreaterThan(50);
  }

  // ---------------------------------------------------------------- helpers

  private void assertListed(TicketFilter filter, Predicate<TicketsRecord> matches) {
    List<Long> listed = list(filter);
    assertThat(listed).isNotEmpty();
    assertThat(listed)
        .containsExactlyElementsOf(
            expected(
                matches,
                Comparator.comparing(TicketsRecord::getSlaSortKey)
                    .thenComparing(TicketsRecord::getNumber)));
  }

  /** The open tickets matching, in the given order. */
  private List<Long> expected(Predicate<TicketsRecord> matches, Comparator<TicketsRecord> order) {
    return seeded.stream()
        .filter(ticket -> !ticket.getStatus().equals("CLOSED"))
        .filter(matches)
        .sorted(order)
        .map(TicketsRecord::getNumber)
        .toList();
  }

  private List<Long> numbers(Predicate<TicketsRecord> matches) {
    return expected(matches, Comparator.comparing(TicketsRecord::getNumber));
  }

  private List<Long> list(TicketFilter filter) {
    return tickets.list(filter, null, 1000).items().stream().map(TicketView::number).toList();
  }

  private List<Long> walk(TicketFilter filter, int limit) {
    List<Long> numbers = new ArrayList<>();
    TicketCursor cursor = null;
    int pages = 0;
    do {
      TicketPage page = tickets.list(filter, cursor, limit);
      page.items().forEach(ticket -> numbers.add(ticket.number()));
      cursor =
          page.next().map(next -> TicketCursor.decode(next.encode()).orElseThrow()).orElse(null);
    } while (cursor != null && ++pages < 1000);
    return numbers;
  }

  private static TicketFilter filter(
      Set<Long> mailboxes,
      Set<String> channels,
      Set<Long> organizations,
      Long reporter,
      TimeRange created,
      TimeRange updated) {
    return sorted(
        TicketSort.URGENCY, mailboxes, channels, organizations, reporter, created, updated);
  }

  private static TicketFilter sorted(
      TicketSort sort,
      Set<Long> mailboxes,
      Set<String> channels,
      Set<Long> organizations,
      Long reporter,
      TimeRange created,
      TimeRange updated) {
    return new TicketFilter(
        Set.of(),
        Set.of(),
        null,
        false,
        reporter,
        null,
        false,
        Set.of(),
        Set.of(),
        null,
        sort,
        mailboxes,
        channels,
        organizations,
        created,
        updated);
  }

  private static long mailbox(DSLContext dsl, String name) {
    return dsl.insertInto(MAILBOXES)
        .set(MAILBOXES.GRANT_ID, name)
        .set(MAILBOXES.EMAIL, name + "@tempodesk.dev")
        .returning(MAILBOXES.ID)
        .fetchOne()
        .getId();
  }
}
