package dev.tempodesk.db.ticket;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ticket list and the projection writes against a real Postgres. The list tests share one
 * database seeded with a few hundred tickets and compare every answer with the same query evaluated
 * in Java over what was inserted; the write tests get a database of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketRepositoryTest {
  private static final int TICKET_COUNT = 300;
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-03-02T08:00:00Z");
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final List<String> SUBJECTS =
      List.of(
          "VPN tunnel drops every hour",
          "VPN client will not start",
          "Tunnel interface flapping on the core router",
          "Printer offline on the third floor",
          "Password reset email not arriving",
          "Laptop fan is noisy",
          "Outlook crashes when opening attachments",
          "Cannot print: the printer queue is stuck!");
  private static final Comparator<Seeded> MOST_URGENT_FIRST =
      Comparator.comparingLong(Seeded::slaSortKey).thenComparingLong(Seeded::number);

  /** What was inserted, so that every expected answer can be computed without the database. */
  private record Seeded(
      long number,
      String subject,
      String status,
      String priority,
      Long assigneeId,
      long reporterId,
      Long organizationId,
      long slaSortKey) {

    boolean closed() {
      return status.equals("CLOSED");
    }
  }

  private TicketRepository tickets;
  private final List<Seeded> seeded = new ArrayList<>();
  private final Map<Long, AgentsRecord> agentsById = new HashMap<>();
  private final Map<Long, ContactsRecord> contactsById = new HashMap<>();
  private final Map<Long, OrganizationsRecord> organizationsById = new HashMap<>();
  private List<AgentsRecord> agents;
  private List<ContactsRecord> contacts;

  @BeforeAll
  void seedTickets() {
    DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    tickets = new TicketRepository(dsl);
    AgentRepository agentRepository = new AgentRepository(dsl);
    ContactRepository contactRepository = new ContactRepository(dsl);
    OrganizationRepository organizationRepository = new OrganizationRepository(dsl);

    agents =
        List.of(
            agentRepository.insert("alice@tempodesk.dev", "Alice Agent", "AGENT", 5),
            agentRepository.insert("bob@tempodesk.dev", "Bob Agent", "AGENT", 5),
            agentRepository.insert("mia@tempodesk.dev", "Mia Manager", "MANAGER", 2));
    agents.forEach(agent -> agentsById.put(agent.getId(), agent));
    OrganizationsRecord acme = organizationRepository.insert("Acme", "acme.example");
    OrganizationsRecord globex = organizationRepository.insert("Globex", "globex.example");
    organizationsById.put(acme.getId(), acme);
    organizationsById.put(globex.getId(), globex);
    contacts =
        List.of(
            contactRepository.findOrCreate("carla@acme.example", "Carla Customer", acme.getId()),
            contactRepository.findOrCreate("dan@acme.example", "Dan Dev", acme.getId()),
            contactRepository.findOrCreate("gina@globex.example", "Gina Globex", globex.getId()),
            contactRepository.findOrCreate("walk-in@example.org", "Walk In", null));
    contacts.forEach(contact -> contactsById.put(contact.getId(), contact));

    Random random = new Random(20310302L);
    List<String> statuses = List.of("NEW", "OPEN", "PENDING", "CLOSED");
    List<String> priorities = List.of("LOW", "NORMAL", "HIGH", "URGENT");
    List<String> pendingReasons = List.of("CUSTOMER", "THIRD_PARTY", "CHANGE", "CLOSE");
    for (int i = 0; i < TICKET_COUNT; i++) {
      String status = statuses.get(random.nextInt(statuses.size()));
      Long assigneeId =
          switch (status) {
            case "NEW" -> null;
            case "OPEN" -> agents.get(random.nextInt(agents.size())).getId();
            default ->
                random.nextBoolean() ? null : agents.get(random.nextInt(agents.size())).getId();
          };
      ContactsRecord reporter = contacts.get(random.nextInt(contacts.size()));
      // Few distinct deadlines, so many tickets share one and pages end inside such groups.
      long slaSortKey =
          random.nextInt(7) == 0
              ? Long.MAX_VALUE
              : T0.toInstant().toEpochMilli() + random.nextInt(25) * HOUR_MILLIS;
      TicketsRecord row =
          new TicketsRecord()
              .setNumber(tickets.nextNumber())
              .setSubject(SUBJECTS.get(random.nextInt(SUBJECTS.size())))
              .setStatus(status)
              .setPriority(priorities.get(random.nextInt(priorities.size())))
              .setAssigneeId(assigneeId)
              .setAssignedAt(assigneeId == null ? null : T0)
              .setReporterId(reporter.getId())
              .setOrganizationId(reporter.getOrganizationId())
              .setChannel("EMAIL")
              .setCreatedAt(T0.minusDays(1))
              .setUpdatedAt(T0)
              .setSlaSortKey(slaSortKey)
              .setVersion(1L);
      if (status.equals("PENDING")) {
        row.setPendingReason(pendingReasons.get(random.nextInt(pendingReasons.size())))
            .setPendingUntil(T0.plusDays(1 + random.nextInt(5)));
      }
      if (status.equals("CLOSED")) {
        row.setResolution(random.nextBoolean() ? "SOLVED" : "WONT_FIX").setClosedAt(T0);
      }
      tickets.insert(row);
      seeded.add(
          new Seeded(
              row.getNumber(),
              row.getSubject(),
              status,
              row.getPriority(),
              assigneeId,
              reporter.getId(),
              reporter.getOrganizationId(),
              slaSortKey));
    }
  }

  // ---------------------------------------------------------------- filters

  @Test
  void shouldHideClosedTicketsByDefault() {
    assertListed(TicketFilter.defaults(), ticket -> !ticket.closed());
  }

  @Test
  void shouldListEveryTicketWhenDoneTicketsAreIncluded() {
    List<Long> listed = listAll(filter().includeDone(true).build());

    assertThat(listed).hasSize(TICKET_COUNT);
    assertThat(listed).containsExactlyElementsOf(expected(ticket -> true));
  }

  @Test
  void shouldPutTicketsWithoutDeadlineLast() {
    List<TicketView> listed = tickets.list(TicketFilter.defaults(), null, 1000).items();

    assertThat(listed.getLast().slaSortKey()).isEqualTo(Long.MAX_VALUE);
    assertThat(listed.getFirst().slaSortKey()).isLessThan(Long.MAX_VALUE);
  }

  @Test
  void shouldListOnlyTheAskedStatuses() {
    assertListed(filter().statuses("PENDING").build(), ticket -> ticket.status().equals("PENDING"));
    assertListed(
        filter().statuses("NEW", "OPEN").build(),
        ticket -> ticket.status().equals("NEW") || ticket.status().equals("OPEN"));
  }

  @Test
  void shouldListClosedTicketsWhenClosedIsAskedForByStatus() {
    assertListed(filter().statuses("CLOSED").build(), Seeded::closed);
  }

  @Test
  void shouldListOnlyTheAskedPriorities() {
    assertListed(
        filter().priorities("URGENT", "HIGH").build(),
        ticket ->
            !ticket.closed()
                && (ticket.priority().equals("URGENT") || ticket.priority().equals("HIGH")));
  }

  @Test
  void shouldListOnlyTheTicketsOfOneAssignee() {
    long bob = agents.get(1).getId();

    assertListed(
        filter().assignee(bob).build(),
        ticket -> !ticket.closed() && Long.valueOf(bob).equals(ticket.assigneeId()));
    assertListed(
        filter().assignee(bob).includeDone(true).build(),
        ticket -> Long.valueOf(bob).equals(ticket.assigneeId()));
  }

  @Test
  void shouldListOnlyUnassignedTickets() {
    assertListed(
        filter().unassigned().build(), ticket -> !ticket.closed() && ticket.assigneeId() == null);
  }

  @Test
  void shouldPreferTheAssigneeOverUnassignedWhenBothAreGiven() {
    long alice = agents.get(0).getId();

    assertListed(
        filter().assignee(alice).unassigned().build(),
        ticket -> !ticket.closed() && Long.valueOf(alice).equals(ticket.assigneeId()));
  }

  @Test
  void shouldListOnlyTheTicketsOfOneReporter() {
    long gina = contacts.get(2).getId();

    assertListed(
        filter().reporter(gina).build(), ticket -> !ticket.closed() && ticket.reporterId() == gina);
  }

  @Test
  void shouldCombineFiltersWithAnd() {
    long alice = agents.get(0).getId();

    assertListed(
        filter().assignee(alice).priorities("LOW", "NORMAL").text("vpn").includeDone(true).build(),
        ticket ->
            Long.valueOf(alice).equals(ticket.assigneeId())
                && (ticket.priority().equals("LOW") || ticket.priority().equals("NORMAL"))
                && subjectMatches(ticket, "vpn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpn", "VPN", "tun", "tunnel", "print", "vpn tun", "Tunnel VPN"})
  void shouldFindSubjectsByWordPrefixes(String text) {
    assertListed(
        filter().text(text).includeDone(true).build(), ticket -> subjectMatches(ticket, text));
  }

  @Test
  void shouldRequireEveryWordOfTheSearch() {
    List<Long> both = listAll(filter().text("vpn tun").includeDone(true).build());

    assertThat(both)
        .isNotEmpty()
        .allSatisfy(
            number ->
                assertThat(seededTicket(number).subject())
                    .isEqualTo("VPN tunnel drops every hour"));
    assertThat(listAll(filter().text("vpn printer").includeDone(true).build())).isEmpty();
  }

  @Test
  void shouldNotMatchWordsInTheMiddleOfASubjectWord() {
    // "unnel" is inside "tunnel" but starts no word.
    assertThat(listAll(filter().text("unnel").includeDone(true).build())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpn & (", "vpn:*|", "'vpn'", "!vpn", "  vpn\t", "vpn \\ ''"})
  void shouldTreatSearchOperatorsTypedByUsersAsPlainText(String text) {
    assertListed(
        filter().text(text).includeDone(true).build(), ticket -> subjectMatches(ticket, "vpn"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "?!"})
  void shouldIgnoreASearchWithoutWords(String text) {
    assertListed(filter().text(text).build(), ticket -> !ticket.closed());
  }

  @Test
  void shouldFindATicketByItsNumberWithOrWithoutHash() {
    long number =
        seeded.stream().filter(ticket -> !ticket.closed()).skip(17).findFirst().get().number();

    assertThat(listAll(filter().text("#" + number).build())).containsExactly(number);
    assertThat(listAll(filter().text(Long.toString(number)).build())).containsExactly(number);
    assertThat(listAll(filter().text(" #" + number + " ").build())).containsExactly(number);
  }

  @Test
  void shouldFindAClosedTicketByNumberWhenDoneTicketsAreIncluded() {
    long number = seeded.stream().filter(Seeded::closed).findFirst().get().number();

    assertThat(listAll(filter().text("#" + number).includeDone(true).build()))
        .containsExactly(number);
    assertThat(listAll(filter().text("#" + number).build())).isEmpty();
  }

  @Test
  void shouldFindNothingForAnUnknownNumber() {
    assertThat(listAll(filter().text("#999999").includeDone(true).build())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "Outlook 3.5 crashes on start, 3.5",
        "Outlook 3.5 crashes on start, outlook 3.5",
        "Outlook 3.5 crashes on start, 3.",
        "Client v2.1 update fails, v2.1",
        "Mail to john@acme.example bounces, john@acme.example",
        "Mail to john@acme.example bounces, john",
        "Server web01.acme.local unreachable, web01.acme.local",
        "Server web01.acme.local unreachable, web01.acme",
        "Wi-Fi drops in the warehouse, wi-fi",
        "Wi-Fi drops in the warehouse, wi-f",
        "Wi-Fi drops in the warehouse, wi fi",
        "Invoice INV-2024-001 missing, inv-2024-001",
        "Drucker Störung im Lager, stör",
        "Login at https://portal.acme.example/login?next=(home) fails,"
            + " https://portal.acme.example/login?next=(home)",
        "Login at https://portal.acme.example/login?next=(home) fails, portal.acme",
        "Share /srv/it's\\x is read-only, /srv/it's\\x",
      })
  void shouldFindASubjectByWhatIsWrittenInIt(String subject, String text) {
    Scratch db = new Scratch();
    TicketsRecord wanted = db.ticket("NEW", null).setSubject(subject);
    db.tickets.insert(wanted);
    db.tickets.insert(db.ticket("NEW", null).setSubject("Something else entirely"));

    assertThat(db.tickets.list(filter().text(text).build(), null, 10).items())
        .extracting(TicketView::number)
        .containsExactly(wanted.getNumber());
  }

  @Test
  void shouldShowTheNamesOfAssigneeReporterAndOrganization() {
    List<TicketView> listed = tickets.list(filter().includeDone(true).build(), null, 1000).items();

    assertThat(listed)
        .hasSize(TICKET_COUNT)
        .allSatisfy(
            view -> {
              Seeded ticket = seededTicket(view.number());
              ContactsRecord reporter = contactsById.get(ticket.reporterId());
              assertThat(view.assigneeId()).isEqualTo(ticket.assigneeId());
              assertThat(view.assigneeName())
                  .isEqualTo(
                      ticket.assigneeId() == null
                          ? null
                          : agentsById.get(ticket.assigneeId()).getDisplayName());
              assertThat(view.reporterName()).isEqualTo(reporter.getDisplayName());
              assertThat(view.reporterEmail()).isEqualTo(reporter.getEmail());
              assertThat(view.organizationName())
                  .isEqualTo(
                      ticket.organizationId() == null
                          ? null
                          : organizationsById.get(ticket.organizationId()).getName());
              assertThat(view.subject()).isEqualTo(ticket.subject());
              assertThat(view.status()).isEqualTo(ticket.status());
              assertThat(view.slaSortKey()).isEqualTo(ticket.slaSortKey());
            });
  }

  // ---------------------------------------------------------------- pagination

  Stream<Arguments> pagedFilters() {
    long alice = agents.get(0).getId();
    return Stream.of(
        Arguments.of("default", TicketFilter.defaults(), (Predicate<Seeded>) t -> !t.closed()),
        Arguments.of(
            "includeDone", filter().includeDone(true).build(), (Predicate<Seeded>) t -> true),
        Arguments.of(
            "pending",
            filter().statuses("PENDING").build(),
            (Predicate<Seeded>) t -> t.status().equals("PENDING")),
        Arguments.of(
            "alice",
            filter().assignee(alice).build(),
            (Predicate<Seeded>) t -> !t.closed() && Long.valueOf(alice).equals(t.assigneeId())),
        Arguments.of(
            "text",
            filter().text("vpn").includeDone(true).build(),
            (Predicate<Seeded>) t -> subjectMatches(t, "vpn")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pagedFilters")
  void shouldReturnEveryTicketExactlyOnceWhenWalkingPages(
      String name, TicketFilter filter, Predicate<Seeded> matching) {
    List<Long> expected = expected(matching);
    List<List<TicketView>> pages = walk(filter, 7);

    assertThat(pages.stream().flatMap(List::stream).map(TicketView::number).toList())
        .containsExactlyElementsOf(expected);
    assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(page -> assertThat(page).hasSize(7));
    assertThat(pages.getLast()).hasSizeBetween(1, 7);
  }

  @Test
  void shouldKeepTicketsWithTheSameDeadlineInNumberOrderAcrossPages() {
    List<Long> expected = expected(ticket -> true);
    // The walk is only a test of tie-breaking if some page ends inside a group of equal keys.
    boolean splitsAGroup = false;
    for (int i = 7; i < expected.size(); i += 7) {
      splitsAGroup |=
          seededTicket(expected.get(i - 1)).slaSortKey()
              == seededTicket(expected.get(i)).slaSortKey();
    }
    assertThat(splitsAGroup).isTrue();

    List<Long> walked =
        walk(filter().includeDone(true).build(), 7).stream()
            .flatMap(List::stream)
            .map(TicketView::number)
            .toList();

    assertThat(walked).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldOfferNoNextPageAfterALastPageThatIsExactlyFull() {
    // 300 tickets in pages of 10: the last page is full and must still be the last.
    List<List<TicketView>> pages = walk(filter().includeDone(true).build(), 10);

    assertThat(pages).hasSize(TICKET_COUNT / 10).allSatisfy(page -> assertThat(page).hasSize(10));
  }

  @Test
  void shouldPointTheNextCursorAtTheLastTicketOfThePage() {
    TicketPage page = tickets.list(TicketFilter.defaults(), null, 7);

    assertThat(page.items()).hasSize(7);
    assertThat(page.next()).contains(page.items().getLast().cursor());
  }

  @Test
  void shouldReturnAnEmptyLastPageWhenTheCursorIsPastEverything() {
    TicketPage page =
        tickets.list(
            filter().includeDone(true).build(),
            new TicketCursor(Long.MAX_VALUE, Long.MAX_VALUE),
            7);

    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
  }

  // ---------------------------------------------------------------- cursor

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a cursor",
        "%%%",
        "MTIzNDU", // "12345": no separator
        "YTpi", // "a:b"
        "MToyOjM", // "1:2:3"
        "OjI", // ":2"
        "MTo", // "1:"
        "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OjE" // "9999999999999999999999:1": beyond a long
      })
  void shouldRejectACursorItDidNotMake(String garbage) {
    assertThat(TicketCursor.decode(garbage)).isEmpty();
  }

  @Test
  void shouldDecodeWhatItEncoded() {
    List<TicketCursor> cursors =
        List.of(
            new TicketCursor(0, 1001),
            new TicketCursor(T0.toInstant().toEpochMilli(), 1042),
            new TicketCursor(Long.MAX_VALUE, Long.MAX_VALUE),
            new TicketCursor(-1, 7));

    assertThat(cursors)
        .allSatisfy(
            cursor -> {
              String encoded = cursor.encode();
              assertThat(encoded).matches("[A-Za-z0-9_-]+"); // safe in a query string as is
              assertThat(TicketCursor.decode(encoded)).contains(cursor);
            });
  }

  @Test
  void shouldEncodeTheCursorAsUrlSafeBase64OfKeyAndNumber() {
    // Pins the wire format: cursors handed out before a deploy must still decode after it.
    assertThat(new TicketCursor(5, 1001).encode())
        .isEqualTo(
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("5:1001".getBytes(StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------- writes and constraints

  @Test
  void shouldIgnoreAProjectionOlderThanTheRow() {
    Scratch db = new Scratch();
    TicketsRecord current = db.ticket("OPEN", db.alice).setPriority("HIGH").setVersion(3L);
    db.tickets.insert(current);
    TicketsRecord before = db.tickets.find(current.getNumber()).orElseThrow();

    boolean written =
        db.tickets.writeProjection(
            db.projection(current.getNumber(), 2, "NEW", null).setPriority("LOW"));

    assertThat(written).isFalse();
    assertThat(db.tickets.find(current.getNumber()).orElseThrow()).isEqualTo(before);
  }

  @Test
  void shouldWriteAProjectionOfTheSameOrANewerVersion() {
    Scratch db = new Scratch();
    TicketsRecord current = db.ticket("OPEN", db.alice).setVersion(3L);
    db.tickets.insert(current);

    // The same version again is a retried write: accepted, and changes nothing new.
    assertThat(db.tickets.writeProjection(db.projection(current.getNumber(), 3, "OPEN", db.alice)))
        .isTrue();
    assertThat(
            db.tickets.writeProjection(
                db.projection(current.getNumber(), 4, "PENDING", db.alice)
                    .setPendingReason("CUSTOMER")
                    .setPendingUntil(T0.plusDays(2))))
        .isTrue();

    TicketsRecord after = db.tickets.find(current.getNumber()).orElseThrow();
    assertThat(after.getVersion()).isEqualTo(4L);
    assertThat(after.getStatus()).isEqualTo("PENDING");
    assertThat(after.getPendingReason()).isEqualTo("CUSTOMER");
    assertThat(after.getPendingUntil()).isEqualTo(T0.plusDays(2));
  }

  @Test
  void shouldReportNothingWrittenForAMissingTicket() {
    Scratch db = new Scratch();

    assertThat(db.tickets.writeProjection(db.projection(4711, 2, "NEW", null))).isFalse();
    assertThat(db.tickets.find(4711)).isEmpty();
  }

  @Test
  void shouldLeaveColumnsTheProjectionDoesNotCarry() {
    Scratch db = new Scratch();
    TicketsRecord earlier = db.ticket("NEW", null).setSubject("Earlier ticket");
    db.tickets.insert(earlier);
    TicketsRecord ticket = db.ticket("NEW", null);
    db.tickets.insert(ticket);
    long mailbox = db.mailbox("grant-1");
    // Written by the mail sync and the SLA engine, not by the workflow.
    db.dsl
        .update(TICKETS)
        .set(TICKETS.MAILBOX_ID, mailbox)
        .set(TICKETS.THREAD_ID, "thread-42")
        .set(TICKETS.PREVIOUS_TICKET, earlier.getNumber())
        .set(TICKETS.ASSIGN_DUE_AT, T0.plusHours(4))
        .set(TICKETS.RESOLVE_DUE_AT, T0.plusHours(8))
        .set(TICKETS.SLA_SORT_KEY, T0.plusHours(8).toInstant().toEpochMilli())
        .where(TICKETS.NUMBER.eq(ticket.getNumber()))
        .execute();

    boolean written =
        db.tickets.writeProjection(
            db.projection(ticket.getNumber(), 2, "OPEN", db.alice)
                .setCreatedAt(T0.plusYears(1))
                .setAssignedAt(T0.plusMinutes(5)));

    TicketsRecord after = db.tickets.find(ticket.getNumber()).orElseThrow();
    assertThat(written).isTrue();
    assertThat(after.getStatus()).isEqualTo("OPEN");
    assertThat(after.getAssigneeId()).isEqualTo(db.alice);
    assertThat(after.getAssignedAt()).isEqualTo(T0.plusMinutes(5));
    assertThat(after.getVersion()).isEqualTo(2L);
    assertThat(after.getMailboxId()).isEqualTo(mailbox);
    assertThat(after.getThreadId()).isEqualTo("thread-42");
    assertThat(after.getPreviousTicket()).isEqualTo(earlier.getNumber());
    assertThat(after.getAssignDueAt()).isEqualTo(T0.plusHours(4));
    assertThat(after.getResolveDueAt()).isEqualTo(T0.plusHours(8));
    assertThat(after.getSlaSortKey()).isEqualTo(T0.plusHours(8).toInstant().toEpochMilli());
    assertThat(after.getCreatedAt()).as("a ticket's creation never moves").isEqualTo(T0);
  }

  @Test
  void shouldRefuseAnOpenTicketWithoutAssignee() {
    Scratch db = new Scratch();
    TicketsRecord open = db.ticket("OPEN", null);

    assertThatThrownBy(() -> db.tickets.insert(open))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("tickets_open_is_assigned");
    assertThat(db.tickets.find(open.getNumber())).isEmpty();
  }

  @Test
  void shouldRefuseAPendingTicketWithoutItsEnd() {
    Scratch db = new Scratch();
    TicketsRecord pending = db.ticket("PENDING", db.alice).setPendingReason("CUSTOMER");

    assertThatThrownBy(() -> db.tickets.insert(pending))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("tickets_pending_only_while_pending");
    assertThat(db.tickets.find(pending.getNumber())).isEmpty();
  }

  @Test
  void shouldFeedEachMailboxThreadToOneTicketAtATime() {
    Scratch db = new Scratch();
    MailThreadRepository threads = new MailThreadRepository(db.dsl);
    long mailbox = db.mailbox("grant-1");
    long otherMailbox = db.mailbox("grant-2");
    TicketsRecord first = db.ticket("NEW", null).setMailboxId(mailbox).setThreadId("thread-1");
    TicketsRecord second = db.ticket("NEW", null).setMailboxId(mailbox).setThreadId("thread-1");
    TicketsRecord elsewhere =
        db.ticket("NEW", null).setMailboxId(otherMailbox).setThreadId("thread-1");
    db.tickets.insert(first);
    db.tickets.insert(second);
    db.tickets.insert(elsewhere);

    assertThat(threads.mapThread(mailbox, "thread-1", first.getNumber())).isTrue();
    assertThat(threads.mapThread(mailbox, "thread-1", second.getNumber()))
        .as("a racing writer does not take the thread over")
        .isFalse();
    assertThat(threads.mapThread(otherMailbox, "thread-1", elsewhere.getNumber())).isTrue();
    assertThat(threads.ticketOfThread(mailbox, "thread-1")).contains(first.getNumber());

    threads.remapThread(mailbox, "thread-1", second.getNumber());
    assertThat(threads.ticketOfThread(mailbox, "thread-1"))
        .as("a follow-up ticket takes the thread over explicitly")
        .contains(second.getNumber());
    assertThat(threads.ticketOfThread(otherMailbox, "thread-1")).contains(elsewhere.getNumber());
  }

  // ---------------------------------------------------------------- helpers

  private void assertListed(TicketFilter filter, Predicate<Seeded> matching) {
    List<Long> expected = expected(matching);
    // An empty expectation would let a query that returns nothing pass.
    assertThat(expected).isNotEmpty();
    assertThat(listAll(filter)).containsExactlyElementsOf(expected);
  }

  private List<Long> expected(Predicate<Seeded> matching) {
    return seeded.stream().filter(matching).sorted(MOST_URGENT_FIRST).map(Seeded::number).toList();
  }

  private List<Long> listAll(TicketFilter filter) {
    TicketPage page = tickets.list(filter, null, 1000);
    assertThat(page.next()).isEmpty();
    return page.items().stream().map(TicketView::number).toList();
  }

  /** All pages, following each page's cursor through its string form as a client would. */
  private List<List<TicketView>> walk(TicketFilter filter, int limit) {
    List<List<TicketView>> pages = new ArrayList<>();
    TicketCursor cursor = null;
    do {
      TicketPage page = tickets.list(filter, cursor, limit);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
      pages.add(page.items());
      cursor =
          page.next().map(next -> TicketCursor.decode(next.encode()).orElseThrow()).orElse(null);
    } while (cursor != null && pages.size() <= TICKET_COUNT);
    return pages;
  }

  private Seeded seededTicket(long number) {
    return seeded.stream().filter(ticket -> ticket.number() == number).findFirst().orElseThrow();
  }

  /** Each word of the search starts some word of the subject. */
  private static boolean subjectMatches(Seeded ticket, String text) {
    Set<String> subjectWords = words(ticket.subject());
    Set<String> searched = words(text);
    return !searched.isEmpty()
        && searched.stream()
            .allMatch(prefix -> subjectWords.stream().anyMatch(word -> word.startsWith(prefix)));
  }

  private static Set<String> words(String text) {
    return Arrays.stream(text.toLowerCase().split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static FilterBuilder filter() {
    return new FilterBuilder();
  }

  /** Names only the parts of a filter a test sets. */
  private static final class FilterBuilder {
    private Set<String> statuses = Set.of();
    private Set<String> priorities = Set.of();
    private Long assigneeId;
    private boolean unassigned;
    private Long reporterId;
    private String text;
    private boolean includeDone;

    FilterBuilder statuses(String... values) {
      statuses = Set.of(values);
      return this;
    }

    FilterBuilder priorities(String... values) {
      priorities = Set.of(values);
      return this;
    }

    FilterBuilder assignee(long id) {
      assigneeId = id;
      return this;
    }

    FilterBuilder unassigned() {
      unassigned = true;
      return this;
    }

    FilterBuilder reporter(long id) {
      reporterId = id;
      return this;
    }

    FilterBuilder text(String value) {
      text = value;
      return this;
    }

    FilterBuilder includeDone(boolean value) {
      includeDone = value;
      return this;
    }

    TicketFilter build() {
      return new TicketFilter(
          statuses, priorities, assigneeId, unassigned, reporterId, text, includeDone);
    }
  }

  /** A database of its own for a test that writes, with one agent and one contact. */
  private static final class Scratch {
    final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
    final TicketRepository tickets = new TicketRepository(dsl);
    final long alice =
        new AgentRepository(dsl).insert("alice@tempodesk.dev", "Alice Agent", "AGENT", 5).getId();
    final long carla =
        new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla", null).getId();

    TicketsRecord ticket(String status, Long assigneeId) {
      return new TicketsRecord()
          .setNumber(tickets.nextNumber())
          .setSubject("VPN tunnel drops every hour")
          .setStatus(status)
          .setPriority("NORMAL")
          .setAssigneeId(assigneeId)
          .setReporterId(carla)
          .setChannel("EMAIL")
          .setCreatedAt(T0)
          .setUpdatedAt(T0)
          .setVersion(1L);
    }

    /** The columns the ticket workflow writes, as the activity sends them. */
    TicketsRecord projection(long number, long version, String status, Long assigneeId) {
      return new TicketsRecord()
          .setNumber(number)
          .setSubject("VPN tunnel drops every hour")
          .setStatus(status)
          .setPriority("NORMAL")
          .setAssigneeId(assigneeId)
          .setReporterId(carla)
          .setOrganizationId(null)
          .setAssetId(null)
          .setChannel("EMAIL")
          .setPendingReason(null)
          .setPendingUntil(null)
          .setResolution(null)
          .setCreatedAt(T0)
          .setAssignedAt(null)
          .setFirstResponseAt(null)
          .setClosedAt(null)
          .setVersion(version)
          .setUpdatedAt(T0.plusMinutes(1));
    }

    long mailbox(String grantId) {
      return dsl.insertInto(MAILBOXES)
          .set(MAILBOXES.GRANT_ID, grantId)
          .set(MAILBOXES.EMAIL, grantId + "@tempodesk.dev")
          .returning(MAILBOXES.ID)
          .fetchOne()
          .getId();
    }
  }
}
