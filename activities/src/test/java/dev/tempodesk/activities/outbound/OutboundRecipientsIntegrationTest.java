package dev.tempodesk.activities.outbound;

import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.nylas.SendMessageRequest;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
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
import okhttp3.HttpUrl;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Recipients of outbound mail over a real Postgres: CC entries are stored as one RFC 5322 list of
 * canonical mailboxes and go to the provider as one {name, email} each (a comma inside quotes does
 * not split one), and a stored recipient that is no address fails the message with the reason
 * instead of reaching the provider.
 */
class OutboundRecipientsIntegrationTest {
  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final OutboundMailActivitiesImpl mail =
      OutboundMailActivitiesImpl.over(
          dsl, jooq.transactions(), unreachableNylas(), Clock.systemUTC());
  private final ContactsRecord reporter =
      new ContactRepository(dsl).findOrCreate("\"q z\"@acme.example", "Q Z", null);

  @Test
  void ccEntriesAreStoredAsOneListAndSentOneRecipientEach() {
    long number = open();
    String replyId =
        reply(number, List.of("\"Doe, Jane\" <Jane@Acme.example>", "\"a,b\"@acme.example"));

    MessagesRecord row = row(replyId);
    assertThat(row.getToAddresses()).isEqualTo("\"q z\"@acme.example");
    assertThat(row.getCcAddresses())
        .isEqualTo("\"Doe, Jane\" <jane@acme.example>, \"a,b\"@acme.example");

    SendMessageRequest request = OutboundMailSender.request(row, "google", List.of());
    assertThat(request.to()).containsExactly(new EmailAddress(null, "\"q z\"@acme.example"));
    assertThat(request.cc())
        .containsExactly(
            new EmailAddress("Doe, Jane", "jane@acme.example"),
            new EmailAddress(null, "\"a,b\"@acme.example"));
  }

  @Test
  void aStoredRecipientThatIsNoAddressFailsTheMessageWithoutASend() {
    new MailboxRepository(dsl).upsert("grant-recipients", "support@acme.example", "google");
    long number = open();
    // As a reply queued before the API checked addresses could carry it.
    String replyId = reply(number, List.of("q z@acme.example"));

    DeliveryOutcome outcome = mail.deliver(new OutboundRef(number, replyId));

    assertThat(outcome.status())
        .as("FAILED at once: the unreachable Nylas would have made it a retryable error")
        .isEqualTo(DeliveryOutcome.Status.FAILED);
    assertThat(outcome.error())
        .isEqualTo(
            "A recipient is not an email address: \"q z@acme.example\" (an unquoted space in the"
                + " local part (quote it: \"q z\"@example.org))");
  }

  private String reply(long number, List<String> cc) {
    String replyId = UUID.randomUUID().toString();
    mail.store(
        new OutboundMessage(
            number,
            replyId,
            OutboundMessage.Kind.REPLY,
            new Actor(Actor.Kind.SYSTEM, null, "API"),
            "Hello",
            false,
            cc));
    return replyId;
  }

  private MessagesRecord row(String id) {
    return dsl.selectFrom(MESSAGES).where(MESSAGES.ID.eq(UUID.fromString(id))).fetchOne();
  }

  private long open() {
    return PrinterJamTickets.open(jooq, Channel.PHONE, reporter, null);
  }

  /** Nothing listens here: a send would be a retryable transport error, not FAILED. */
  private static NylasClient unreachableNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
