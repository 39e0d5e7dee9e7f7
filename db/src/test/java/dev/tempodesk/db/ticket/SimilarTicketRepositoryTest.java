package dev.tempodesk.db.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.SimilarTicketRepository.SimilarTicket;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Similar solved tickets" against a real Postgres: rows are written the way the app writes them
 * (ticket row, then its messages), so the search documents are the ones the triggers of V33 keep.
 */
class SimilarTicketRepositoryTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-05-04T09:00:00Z");

  private final DSLContext dsl = DSL.using(TestDatabases.fresh().dataSource(), SQLDialect.POSTGRES);
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final MessageRepository messages = new MessageRepository(dsl);
  private final SimilarTicketRepository similar = new SimilarTicketRepository(dsl);

  private long customer;
  private long agent;

  @BeforeEach
  void seed() {
    customer =
        new ContactRepository(dsl).findOrCreate("rosa@example.com", "Rosa Customer", null).getId();
    agent = agent("kim@tempodesk.example", "Kim Agent");
  }

  @Test
  void shouldRankSubjectMatchesAboveBodyMatchesAndLeaveUnrelatedTicketsOut() {
    long subjectMatch = solved("Printer prints blank pages", "My printer prints blank pages.");
    long bodyMatch = solved("Office equipment", "The printer on floor two is out of paper.");
    solved("VPN cannot connect", "The VPN client times out.");
    long asked = open("Printer prints blank pages again", "Since today the printer is blank.");

    assertThat(numbers(similar.similarTo(asked, TicketAccess.ALL, 5)))
        .containsExactly(subjectMatch, bodyMatch);
    List<SimilarTicket> found = similar.similarTo(asked, TicketAccess.ALL, 5);
    assertThat(found.get(0).rank()).isGreaterThan(found.get(1).rank());
    assertThat(found.get(0).subject()).isEqualTo("Printer prints blank pages");
    assertThat(found.get(0).resolution()).isEqualTo("SOLVED");
    assertThat(found.get(0).closedAt()).isEqualTo(T0.plusHours(5).toInstant());
    assertThat(similar.similarTo(asked, TicketAccess.ALL, 1)).hasSize(1);
  }

  @Test
  void shouldOfferOnlyTicketsClosedAsSolvedOrWithAWorkaroundAndNeverTheTicketItself() {
    long solved = solved("Scanner jams on every page", "The scanner jams.");
    long workaround = closed("Scanner jams with thick paper", "It jams.", "WORKAROUND");
    closed("Scanner jams", "Same as the other one.", "DUPLICATE");
    open("Scanner jams constantly", "Jams all day.");
    long asked = open("Scanner jams", "The scanner jams when I feed it.");

    assertThat(numbers(similar.similarTo(asked, TicketAccess.ALL, 20)))
        .containsExactlyInAnyOrder(solved, workaround)
        .doesNotContain(asked);
  }

  @Test
  void shouldPickTheLastPublicAgentReplyBeforeTheTicketWasSolved() {
    long number = ticket("Badge reader rejects my badge", "CLOSED", "SOLVED");
    message(number, "INBOUND", null, "The badge reader rejects my badge.", T0);
    message(number, "OUTBOUND", null, "Thank you, we received your request.", T0.plusMinutes(1));
    message(number, "OUTBOUND", agent, "Please try holding it longer.", T0.plusHours(1));
    message(number, "INBOUND", null, "Still rejected.", T0.plusHours(2));
    MessagesRecord solving =
        message(
            number, "OUTBOUND", agent, "I re-enrolled your badge; it works now.", T0.plusHours(3));
    note(number, "Re-enrolled in the admin console.", T0.plusHours(4));
    failedReply(number, "A reply that never left.", T0.plusHours(4).plusMinutes(30));
    message(number, "OUTBOUND", agent, "Glad it is sorted!", T0.plusHours(6)); // after closing
    long asked = open("Badge reader rejects badge", "My badge is rejected at the door.");

    SimilarTicket found = similar.similarTo(asked, TicketAccess.ALL, 5).getFirst();

    assertThat(found.number()).isEqualTo(number);
    assertThat(found.reply()).isNotNull();
    assertThat(found.reply().messageId()).isEqualTo(solving.getId());
    assertThat(found.reply().text()).isEqualTo("I re-enrolled your badge; it works now.");
    assertThat(found.reply().agentName()).isEqualTo("Kim Agent");
    assertThat(found.reply().sentAt()).isEqualTo(T0.plusHours(3).toInstant());
  }

  @Test
  void shouldAnswerWithoutAReplyWhenNoAgentRepliedInPublic() {
    long number = ticket("Webcam has no picture", "CLOSED", "SOLVED");
    message(number, "INBOUND", null, "The webcam shows nothing.", T0);
    note(number, "Fixed on site.", T0.plusHours(1));
    long asked = open("Webcam has no picture", "Black picture.");

    SimilarTicket found = similar.similarTo(asked, TicketAccess.ALL, 5).getFirst();

    assertThat(found.number()).isEqualTo(number);
    assertThat(found.reply()).isNull();
  }

  @Test
  void shouldOfferOnlyTicketsTheAskerSees() {
    long support = group("Field support");
    long billing = group("Accounts");
    long inSupport = solved("Invoice shows the wrong date", "Wrong date on the invoice.");
    long inBilling = solved("Invoice shows the wrong date twice", "The invoice date is wrong.");
    long assignedToMe = solved("Invoice wrong date", "Invoice dated wrongly.");
    dsl.execute("update tickets set group_id = ? where number = ?", support, inSupport);
    dsl.execute(
        "update tickets set group_id = ? where number in (?, ?)", billing, inBilling, assignedToMe);
    long me = agent("me@tempodesk.example", "Me");
    dsl.execute("update tickets set assignee_id = ? where number = ?", me, assignedToMe);
    long asked = open("The invoice shows the wrong date", "Please fix the date.");

    assertThat(numbers(similar.similarTo(asked, TicketAccess.agent(me, Set.of(support)), 10)))
        .containsExactlyInAnyOrder(inSupport, assignedToMe);
    assertThat(numbers(similar.similarTo(asked, TicketAccess.ALL, 10)))
        .containsExactlyInAnyOrder(inSupport, inBilling, assignedToMe);
  }

  @Test
  void shouldFindUnicodeWords() {
    long german = solved("Störung: Drucker druckt leere Seiten", "Der Drucker druckt nichts.");
    long greek = solved("Ο εκτυπωτής δεν λειτουργεί", "Ο εκτυπωτής είναι σβηστός.");
    long asked = open("Drucker-Störung", "Mein Drucker druckt nur leere Seiten 🙁");
    long askedGreek = open("εκτυπωτής", "Βοήθεια");

    assertThat(numbers(similar.similarTo(asked, TicketAccess.ALL, 5))).containsExactly(german);
    assertThat(numbers(similar.similarTo(askedGreek, TicketAccess.ALL, 5))).containsExactly(greek);
  }

  @Test
  void shouldFindNothingForASubjectOfStopWordsAloneAndUseTheFirstMessageWhenThereIsOne() {
    long solved = solved("Keyboard types wrong letters", "Keyboard layout switched.");
    solved("It is not there", "It is not there either.");
    long silent = ticket("It is not there", "NEW", null);
    long withMail = open("It is not there", "My keyboard types wrong letters.");
    long punctuation = ticket("?!… —", "NEW", null);

    assertThat(similar.similarTo(silent, TicketAccess.ALL, 5)).isEmpty();
    assertThat(similar.similarTo(punctuation, TicketAccess.ALL, 5)).isEmpty();
    assertThat(numbers(similar.similarTo(withMail, TicketAccess.ALL, 5))).containsExactly(solved);
    assertThat(similar.similarTo(999_999_999L, TicketAccess.ALL, 5)).isEmpty();
  }

  @Test
  void shouldReadAnHtmlOnlyFirstMessageByItsTextNotItsMarkup() {
    long solved = solved("Projector flickers", "The projector flickers in room 4.");
    solved("Style guide for the table", "Where is the style guide for the table layout?");
    long asked = ticket("Help", "NEW", null);
    messages.insert(
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(asked)
            .setDirection("INBOUND")
            .setBodyHtml(
                "<html><head><style>table { color: red }</style></head><body><table><tr><td>"
                    + "The <b>projector</b> flickers</td></tr></table></body></html>")
            .setOccurredAt(T0));

    assertThat(numbers(similar.similarTo(asked, TicketAccess.ALL, 5))).containsExactly(solved);
  }

  @Test
  void shouldStillFindMatchesForALongMailAndIgnoreWordsInMostTickets() {
    // "hello" and "regards" are in every ticket; the planner's statistics say so after ANALYZE.
    // The 150 made-up words of the mail are in no other ticket: they do not crowd out "router".
    for (int i = 0; i < 30; i++) {
      solved("Case " + i, "Hello team, question number " + i + ". Kind regards");
    }
    long router = solved("Router reboots nightly", "Hello, my router reboots. Kind regards");
    dsl.execute("analyze tickets");
    String filler =
        IntStream.range(0, 150).mapToObj(i -> "filler" + i).collect(Collectors.joining(" "));
    long asked = open("Hello", "Hello, " + filler + " and also the router reboots. Kind regards");

    assertThat(numbers(similar.similarTo(asked, TicketAccess.ALL, 5))).containsExactly(router);
  }

  private static List<Long> numbers(List<SimilarTicket> found) {
    return found.stream().map(SimilarTicket::number).toList();
  }

  private long solved(String subject, String firstMessage) {
    return closed(subject, firstMessage, "SOLVED");
  }

  private long closed(String subject, String firstMessage, String resolution) {
    long number = ticket(subject, "CLOSED", resolution);
    message(number, "INBOUND", null, firstMessage, T0);
    message(number, "OUTBOUND", agent, "Fixed: " + subject, T0.plusHours(1));
    return number;
  }

  private long open(String subject, String firstMessage) {
    long number = ticket(subject, "NEW", null);
    message(number, "INBOUND", null, firstMessage, T0);
    return number;
  }

  private long ticket(String subject, String status, String resolution) {
    TicketsRecord row =
        new TicketsRecord()
            .setNumber(tickets.nextNumber())
            .setSubject(subject)
            .setStatus(status)
            .setResolution(resolution)
            .setClosedAt(status.equals("CLOSED") ? T0.plusHours(5) : null)
            .setPriority("NORMAL")
            .setReporterId(customer)
            .setChannel("EMAIL")
            .setCreatedAt(T0)
            .setUpdatedAt(T0)
            .setVersion(1L);
    tickets.insert(row);
    return row.getNumber();
  }

  /** A customer's mail (author null, inbound), or a reply: by an agent, or automatic (null). */
  private MessagesRecord message(
      long ticket, String direction, Long agentId, String text, OffsetDateTime at) {
    MessagesRecord row =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(ticket)
            .setDirection(direction)
            .setAuthorContactId(direction.equals("INBOUND") ? customer : null)
            .setAuthorAgentId(agentId)
            .setBodyText(text)
            .setDeliveryStatus(direction.equals("OUTBOUND") ? "SENT" : null)
            .setOccurredAt(at);
    messages.insert(row);
    return row;
  }

  private void note(long ticket, String text, OffsetDateTime at) {
    messages.insert(
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(ticket)
            .setDirection("OUTBOUND")
            .setVisibility("INTERNAL")
            .setAuthorAgentId(agent)
            .setBodyText(text)
            .setDeliveryStatus("NOT_SENT")
            .setOccurredAt(at));
  }

  private void failedReply(long ticket, String text, OffsetDateTime at) {
    messages.insert(
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setTicketNumber(ticket)
            .setDirection("OUTBOUND")
            .setAuthorAgentId(agent)
            .setBodyText(text)
            .setDeliveryStatus("FAILED")
            .setOccurredAt(at));
  }

  private long agent(String email, String name) {
    return ((Number)
            dsl.fetchValue(
                "insert into agents (email, display_name, role) values (?, ?, 'AGENT') returning id",
                email,
                name))
        .longValue();
  }

  private long group(String name) {
    return ((Number) dsl.fetchValue("insert into groups (name) values (?) returning id", name))
        .longValue();
  }
}
