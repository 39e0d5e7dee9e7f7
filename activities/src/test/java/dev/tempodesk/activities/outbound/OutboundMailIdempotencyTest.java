package dev.tempodesk.activities.outbound;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.DeliveryOutcome;
import dev.tempodesk.workflows.ticket.FailedDelivery;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.OutboundRef;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sending a reply against a fake Nylas that keeps a keyed send's answer, errors included, as the
 * real one does. Each call of {@code deliver} is one attempt of the activity, as Temporal would
 * retry it (the fake's own tests show that a retry under a key answered 500 gets 500 again); the
 * count of mail at the fake is what the customer receives.
 */
class OutboundMailIdempotencyTest {
  private static final String GRANT = "grant-sends";
  private static final String ADDRESS = "support@sends.example";
  private static final String CUSTOMER = "carla@acme.example";

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private FakeNylasServer nylas;
  private OutboundMailActivitiesImpl mail;
  private ContactsRecord carla;

  @BeforeEach
  void setUp() {
    nylas = FakeNylasServer.start("sends-key", "sends-client", FaultPlan.seeded(14));
    nylas.addGrant(GRANT, ADDRESS);
    new MailboxRepository(dsl).upsert(GRANT, ADDRESS, "google");
    carla = new ContactRepository(dsl).findOrCreate(CUSTOMER, "Carla", null);
    mail = activities(NylasClient.defaultHttpClient(settings()));
  }

  @AfterEach
  void stop() {
    nylas.close();
  }

  @Test
  void shouldSendUnderANewKeyAfterAnErrorAnswerThatTheOldKeyReplays() {
    long number = openTicket();
    String id = queueReply(number);
    nylas.failNextRequests(1, 500);

    assertThatThrownBy(() -> mail.deliver(ref(number, id))).isInstanceOf(ApplicationFailure.class);
    assertThat(row(id).getSendAttempt()).isEqualTo(1);
    assertThat(nylas.sent(GRANT)).as("the 500 came instead of the send").isEmpty();
    DeliveryOutcome outcome = mail.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(sentWithOurId(id)).hasSize(1);
    assertThat(row(id).getProviderMessageId()).isEqualTo(sentWithOurId(id).getFirst().id());
  }

  @ParameterizedTest(name = "answered {0}")
  @ValueSource(ints = {502, 504})
  void shouldFindAMailThatWentOutAlthoughTheAnswerWasAnErrorAndNotSendItAgain(int status) {
    long number = openTicket();
    String id = queueReply(number);
    if (status == 502) {
      nylas.failNextRequests(1, 502); // a proxy's page: the answer was lost after the send
    } else {
      nylas.faults().loseNextSendAnswers(1, 504); // Nylas gave up on a provider that sent it
    }

    assertThatThrownBy(() -> mail.deliver(ref(number, id))).isInstanceOf(ApplicationFailure.class);
    assertThat(sentWithOurId(id)).as("it went out on the first try").hasSize(1);
    DeliveryOutcome outcome = mail.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(sentWithOurId(id)).as("and only then").hasSize(1);
    FakeMessage sent = sentWithOurId(id).getFirst();
    MessagesRecord row = row(id);
    assertThat(row.getProviderMessageId()).isEqualTo(sent.id());
    assertThat(row.getThreadId()).isEqualTo(sent.threadId());
    assertThat(row.getSendAttempt()).as("no second key was needed to send").isEqualTo(1);
  }

  @Test
  void shouldKeepTheKeyWhenNoAnswerCameAndWhileTheFirstSendIsInFlight() throws Exception {
    nylas.faults().slowResponses(1, Duration.ofMillis(1500));
    OkHttpClient impatient =
        NylasClient.defaultHttpClient(settings())
            .newBuilder()
            .readTimeout(Duration.ofMillis(400))
            .build();
    OutboundMailActivitiesImpl hurried = activities(impatient);
    long number = openTicket();
    String id = queueReply(number);

    // Times out on the slow send, and the client's own second try meets it still running: 409.
    assertThatThrownBy(() -> hurried.deliver(ref(number, id)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getOriginalMessage()).contains("409"));
    assertThat(row(id).getSendAttempt()).as("no answer: the same key").isZero();
    nylas.faults().slowResponses(0, Duration.ZERO);
    Thread.sleep(1500); // the first send finishes

    DeliveryOutcome outcome = hurried.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(sentWithOurId(id)).hasSize(1);
    assertThat(row(id).getSendAttempt()).isZero();
  }

  @Test
  void shouldFailAPermanentRefusalAtOnceWithTheReason() {
    String nobody = "nobody@acme.example";
    nylas.rejectSendsTo(nobody, 400);
    carla = new ContactRepository(dsl).findOrCreate(nobody, "Nobody", null);
    long number = openTicket();
    String id = queueReply(number);

    DeliveryOutcome outcome = mail.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
    assertThat(outcome.error()).contains("400").contains(nobody);
    assertThat(row(id).getDeliveryStatus()).isEqualTo("FAILED");
    assertThat(nylas.sent(GRANT)).isEmpty();
  }

  @Test
  void shouldFailASendRefusedForTheGrantAndMarkTheMailboxForAReconnect() {
    long number = openTicket();
    String id = queueReply(number);
    nylas.revokeGrant(GRANT);

    DeliveryOutcome outcome = mail.deliver(ref(number, id));

    assertThat(outcome.status()).isEqualTo(DeliveryOutcome.Status.FAILED);
    assertThat(outcome.error()).startsWith(OutboundMailSender.RECONNECT_FIRST).contains("401");
    assertThat(new MailboxRepository(dsl).findByGrant(GRANT).orElseThrow())
        .satisfies(
            mailbox -> {
              assertThat(mailbox.getNeedsReconnectSince()).isNotNull();
              assertThat(mailbox.getSyncError()).contains("a send was refused");
            });
    assertThat(nylas.sent(GRANT)).isEmpty();
  }

  @Test
  void shouldMoveToANewKeyOnEveryErrorAnswerAndEndFailedAfterTheLastAttempt() {
    String busy = "busy@acme.example";
    nylas.rejectSendsTo(busy, 503); // the provider keeps failing: each answer is a 503
    carla = new ContactRepository(dsl).findOrCreate(busy, "Busy", null);
    long number = openTicket();
    String id = queueReply(number);

    for (int attempt = 1; attempt <= 8; attempt++) {
      assertThatThrownBy(() -> mail.deliver(ref(number, id)))
          .isInstanceOf(ApplicationFailure.class);
      assertThat(row(id).getSendAttempt()).isEqualTo(attempt);
    }
    // The ticket workflow's last retry hands the row over as FAILED, with the error.
    mail.giveUp(new FailedDelivery(number, id, "Nylas HTTP 503 provider_error: rejected"));

    assertThat(row(id).getDeliveryStatus()).isEqualTo("FAILED");
    assertThat(row(id).getDeliveryError()).contains("503");
    assertThat(nylas.sent(GRANT)).isEmpty();
  }

  @Test
  void shouldStartAFreshAttemptOnSendAgainAndNotMailTwiceIfTheLastOneWentOut() {
    long number = openTicket();
    String failed = queueReply(number);
    String wentOut = queueReply(number);
    nylas.failNextRequests(1, 500);
    assertThatThrownBy(() -> mail.deliver(ref(number, failed)))
        .isInstanceOf(ApplicationFailure.class);
    nylas.faults().loseNextSendAnswers(1, 504);
    assertThatThrownBy(() -> mail.deliver(ref(number, wentOut)))
        .isInstanceOf(ApplicationFailure.class);
    mail.giveUp(new FailedDelivery(number, failed, "Nylas HTTP 500"));
    mail.giveUp(new FailedDelivery(number, wentOut, "Nylas HTTP 504"));

    assertThat(mail.requeue(ref(number, failed))).isTrue();
    assertThat(mail.requeue(ref(number, wentOut))).isTrue();
    assertThat(mail.deliver(ref(number, failed)).status()).isEqualTo(DeliveryOutcome.Status.SENT);
    assertThat(mail.deliver(ref(number, wentOut)).status()).isEqualTo(DeliveryOutcome.Status.SENT);

    assertThat(row(failed).getSendAttempt()).isEqualTo(2);
    assertThat(sentWithOurId(failed)).hasSize(1);
    assertThat(sentWithOurId(wentOut)).hasSize(1);
  }

  private OutboundMailActivitiesImpl activities(OkHttpClient http) {
    return OutboundMailActivitiesImpl.over(
        dsl, jooq.transactions(), new NylasClient(settings(), http, d -> {}), Clock.systemUTC());
  }

  private NylasSettings settings() {
    return new NylasSettings(
        HttpUrl.get(nylas.baseUrl()), "sends-key", "sends-client", 2, Duration.ofSeconds(2));
  }

  private List<FakeMessage> sentWithOurId(String id) {
    return nylas.sent(GRANT).stream()
        .filter(m -> id.equals(m.header(OutboundMailSender.MESSAGE_ID_HEADER)))
        .toList();
  }

  private MessagesRecord row(String id) {
    return dsl.selectFrom(MESSAGES).where(MESSAGES.ID.eq(UUID.fromString(id))).fetchSingle();
  }

  private String queueReply(long number) {
    String id = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number,
            id,
            OutboundMessage.Kind.REPLY,
            new Actor(Actor.Kind.SYSTEM, null, "API"),
            "We are on it.",
            false,
            List.of()));
    return id;
  }

  private long openTicket() {
    return PrinterJamTickets.open(jooq, Channel.PHONE, carla, null);
  }

  private static OutboundRef ref(long number, String messageId) {
    return new OutboundRef(number, messageId);
  }
}
