package dev.tempodesk.activities.outbound;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.OutboundRef;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import okhttp3.HttpUrl;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound mail store over a real Postgres, without a mailbox (so nothing reaches Nylas): the
 * acknowledgement is queued once however many runs ask, writes are idempotent, and a message that
 * cannot be sent is FAILED with the agent told once.
 */
class OutboundMailActivitiesIntegrationTest {
  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final OutboundMailActivitiesImpl mail =
      OutboundMailActivitiesImpl.over(dsl, jooq.transactions(), unusedNylas(), Clock.systemUTC());
  private ContactsRecord carla;
  private AgentsRecord alice;

  @BeforeEach
  void setUp() {
    carla = new ContactRepository(dsl).findOrCreate("carla@acme.example", "Carla", null);
    alice = new AgentRepository(dsl).insert("alice@tempodesk.dev", "Alice", "AGENT", 3);
  }

  @Test
  void shouldQueueTheAcknowledgementOnceWhenManyRunsAskAtTheSameTime() throws Exception {
    long number = open(Channel.EMAIL, null);
    List<Callable<List<String>>> runs =
        IntStream.range(0, 8)
            .<Callable<List<String>>>mapToObj(i -> () -> mail.prepareOutbox(ref(number, null)))
            .toList();

    List<String> queued;
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<List<String>>> answers = pool.invokeAll(runs);
      queued = answers.getLast().get();
    }

    String ackId = OutboundMailActivitiesImpl.acknowledgementId(number).toString();
    assertThat(queued).containsExactly(ackId);
    assertThat(outbound(number)).hasSize(1);
    MessagesRecord ack = outbound(number).getFirst();
    assertThat(ack.getSubject()).isEqualTo("[#" + number + "] Printer jam");
    assertThat(ack.getAutoSubmitted()).isTrue();
    assertThat(ack.getToAddresses()).isEqualTo("carla@acme.example");
    assertThat(eventCount(number, "ACKNOWLEDGEMENT_QUEUED")).isEqualTo(1);
  }

  @Test
  void shouldNotAcknowledgeTicketsFromNoReplySenders() {
    for (String address :
        List.of("noreply@shop.example", "No-Reply@monitoring.example", "donotreply@bank.example")) {
      carla = new ContactRepository(dsl).findOrCreate(address, "System", null);
      long number = open(Channel.EMAIL, null);

      assertThat(mail.prepareOutbox(ref(number, null))).as(address).isEmpty();
      assertThat(outbound(number)).as(address).isEmpty();
    }
    carla = new ContactRepository(dsl).findOrCreate("noreplyking@client.example", "Nora", null);
    assertThat(mail.prepareOutbox(ref(open(Channel.EMAIL, null), null)))
        .as("a person whose address only starts like one")
        .hasSize(1);
  }

  @Test
  void shouldNotAcknowledgeTicketsOpenedByPhone() {
    long number = open(Channel.PHONE, null);

    assertThat(mail.prepareOutbox(ref(number, null))).isEmpty();
    assertThat(outbound(number)).isEmpty();
  }

  @Test
  void shouldStoreAReplyOnceAndANoteAsInternal() {
    long number = open(Channel.PHONE, null);
    String replyId = UUID.randomUUID().toString();
    OutboundMessage reply =
        new OutboundMessage(
            number,
            replyId,
            OutboundMessage.Kind.REPLY,
            Actor.agent(alice.getId(), "Alice"),
            "Hello",
            false,
            List.of("boss@acme.example"));

    mail.store(reply);
    mail.store(reply);
    mail.store(
        new OutboundMessage(
            number,
            UUID.randomUUID().toString(),
            OutboundMessage.Kind.NOTE,
            Actor.agent(alice.getId(), "Alice"),
            "VIP",
            false,
            List.of()));

    assertThat(outbound(number))
        .extracting(MessagesRecord::getVisibility, MessagesRecord::getDeliveryStatus)
        .containsExactlyInAnyOrder(tuple("PUBLIC", "QUEUED"), tuple("INTERNAL", "NOT_SENT"));
    assertThat(mail.prepareOutbox(ref(number, null))).containsExactly(replyId);
  }

  @Test
  void shouldFailAMessageWithoutMailboxOnceAndTellTheAssignee() {
    long number = open(Channel.PHONE, alice);
    String replyId = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number,
            replyId,
            OutboundMessage.Kind.REPLY,
            new Actor(Actor.Kind.SYSTEM, null, "API"),
            "Hello",
            false,
            List.of()));

    DeliveryOutcome first = mail.deliver(ref(number, replyId));
    DeliveryOutcome again = mail.deliver(ref(number, replyId));
    boolean requeued = mail.requeue(ref(number, replyId));
    boolean requeuedTwice = mail.requeue(ref(number, replyId));

    assertThat(first.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
    assertThat(first.error()).contains("No mailbox");
    assertThat(again.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
    assertThat(eventCount(number, "REPLY_FAILED")).isEqualTo(1);
    assertThat(dsl.fetchCount(NOTIFICATIONS, NOTIFICATIONS.RECIPIENT_ID.eq(alice.getId())))
        .isEqualTo(1);
    assertThat(requeued).isTrue();
    assertThat(requeuedTwice).as("only a FAILED message goes back to the queue").isFalse();
  }

  private long open(Channel channel, AgentsRecord assignee) {
    return PrinterJamTickets.open(jooq, channel, carla, assignee);
  }

  private List<MessagesRecord> outbound(long number) {
    return dsl.selectFrom(MESSAGES)
        .where(MESSAGES.TICKET_NUMBER.eq(number), MESSAGES.DIRECTION.eq("OUTBOUND"))
        .fetch();
  }

  private int eventCount(long number, String kind) {
    return dsl.fetchCount(
        TICKET_EVENTS, TICKET_EVENTS.TICKET_NUMBER.eq(number).and(TICKET_EVENTS.KIND.eq(kind)));
  }

  private static OutboundRef ref(long number, String messageId) {
    return new OutboundRef(number, messageId);
  }

  /** A client that is never called: no mailbox is connected. */
  private static NylasClient unusedNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
