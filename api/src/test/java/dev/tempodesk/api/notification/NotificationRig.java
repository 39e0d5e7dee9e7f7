package dev.tempodesk.api.notification;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.notification.EmailSender;
import dev.tempodesk.activities.notification.NotificationActivitiesImpl;
import dev.tempodesk.activities.notification.NotificationOutbox;
import dev.tempodesk.activities.notification.NotificationSettings;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.webhook.WebhookDeliveryActivitiesImpl;
import dev.tempodesk.activities.webhook.WebhookPoster;
import dev.tempodesk.activities.webhook.WebhookTargets;
import dev.tempodesk.api.PhoneTickets;
import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.webhook.WebhookDeliveryRepository;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import dev.tempodesk.db.webhook.WebhookSubscriptionRepository;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.webhook.WebhookAttempt;
import dev.tempodesk.workflows.webhook.WebhookAttemptOutcome;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification activity over a real Postgres, the fake Nylas (sent mail is recorded there) and
 * a loopback webhook, with an agent, a manager, an admin and a customer in the directory. The
 * loopback webhook is the ENVIRONMENT subscription (TEMPODESK_NOTIFY_WEBHOOK_URL) as made at start;
 * {@link #postWebhooks} does what the dispatcher and the delivery workflow do with its events.
 */
final class NotificationRig implements AutoCloseable {
  static final String GRANT = "grant-support";
  static final String WEBHOOK_SECRET = "notify-webhook-secret-1";
  private static final String KEY = "nylas-test-key";

  final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  final NotificationRepository notifications = new NotificationRepository(jooq.dsl());
  final TicketRepository tickets = new TicketRepository(jooq.dsl());
  final FakeNylasServer nylas = FakeNylasServer.start(KEY, "app", FaultPlan.none());
  final LoopbackWebhook webhook = new LoopbackWebhook();
  final WebhookSubscriptionRepository subscriptions = new WebhookSubscriptionRepository(jooq.dsl());
  final WebhookDispatchRepository webhookEvents = new WebhookDispatchRepository(jooq.dsl());
  private final WebhookDeliveryActivitiesImpl webhookDelivery;
  final AgentsRecord alice;
  final AgentsRecord mona;
  final AgentsRecord adam;
  final ContactsRecord carla;
  final NotificationActivitiesImpl activities;

  NotificationRig(int limitPerMinute) throws IOException {
    this(limitPerMinute, Clock.systemUTC());
  }

  /** {@code clock} is the notification activity's: rate-limit windows and row times follow it. */
  NotificationRig(int limitPerMinute, Clock clock) throws IOException {
    this(limitPerMinute, clock, true);
  }

  /** {@code subscribed}: whether TEMPODESK_NOTIFY_WEBHOOK_URL is set (the loopback webhook). */
  NotificationRig(int limitPerMinute, Clock clock, boolean subscribed) throws IOException {
    if (subscribed) {
      subscriptions.syncEnvironment(webhook.url(), WEBHOOK_SECRET, "generated-secret-unused");
    }
    AgentRepository agents = new AgentRepository(jooq.dsl());
    alice = agents.insert("alice@tempodesk.dev", "Alice Agent", "AGENT", 5);
    mona = agents.insert("mona@tempodesk.dev", "Mona Manager", "MANAGER", 5);
    adam = agents.insert("adam@tempodesk.dev", "Adam Admin", "ADMIN", 5);
    ContactRepository contacts = new ContactRepository(jooq.dsl());
    carla = contacts.findOrCreate("carla@acme.example", "Carla Customer", null);
    nylas.addGrant(GRANT, "support@tempodesk.example");
    MailboxRepository mailboxes = new MailboxRepository(jooq.dsl());
    mailboxes.upsert(GRANT, "support@tempodesk.example", "fake");
    // One attempt per call: a failed send fails the activity, which is what Temporal retries.
    NylasSettings settings =
        new NylasSettings(HttpUrl.get(nylas.baseUrl()), KEY, "app", 1, Duration.ofSeconds(10));
    NylasClient client =
        new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
    NotificationSettings notify =
        new NotificationSettings(webhook.url(), limitPerMinute, Duration.ofMinutes(1));
    activities =
        new NotificationActivitiesImpl(
            new NotificationOutbox(
                notifications,
                agents,
                new GroupMembership(jooq.dsl()),
                contacts,
                webhookEvents,
                jooq.transactions(),
                notify,
                clock),
            notifications,
            new EmailSender(client, mailboxes, tickets, MailboxOutages.over(jooq.dsl(), clock)),
            clock);
    webhookDelivery =
        new WebhookDeliveryActivitiesImpl(
            new WebhookDeliveryRepository(jooq.dsl()),
            notifications,
            agents,
            new WebhookPoster(WebhookTargets.standard(), WebhookPoster.defaultClient(), clock),
            JsonMapper.builder().build(),
            jooq.transactions(),
            clock);
  }

  /**
   * Dispatches the recorded webhook events and makes each new delivery's attempts, one activity
   * call per attempt as the delivery workflow does (its timers are WebhookDeliveryWorkflowTest's),
   * until it is finished. Returns the deliveries' final statuses.
   */
  List<String> postWebhooks() {
    List<Long> deliveries = new ArrayList<>();
    for (var event = webhookEvents.lockNextUndispatched(List.of());
        event.isPresent();
        event = webhookEvents.lockNextUndispatched(List.of())) {
      deliveries.addAll(webhookEvents.dispatch(event.get().getId(), "http://localhost:8080"));
    }
    List<String> statuses = new ArrayList<>();
    for (long delivery : deliveries) {
      WebhookAttemptOutcome outcome = null;
      for (int attempt = 1;
          attempt <= 5 && (outcome == null || outcome.status().equals("RETRYING"));
          attempt++) {
        outcome = webhookDelivery.attempt(new WebhookAttempt(delivery, attempt, 0));
      }
      statuses.add(outcome.status());
    }
    return statuses;
  }

  /** A new ticket of Carla's, as the API would open it. */
  TicketsRecord openTicket(String subject) {
    TicketOpening opening =
        new TicketOpening(
            tickets,
            new TicketEventRepository(jooq.dsl()),
            new MessageRepository(jooq.dsl()),
            Clock.systemUTC());
    NewTicket ticket = PhoneTickets.call(carla, Priority.NORMAL, subject, null, "opened by test");
    return jooq.transactions().execute(status -> opening.open(ticket));
  }

  List<FakeMessage> mailTo(String email) {
    return nylas.sent(GRANT).stream()
        .filter(mail -> mail.to().stream().anyMatch(to -> to.email().equals(email)))
        .toList();
  }

  @Override
  public void close() {
    webhook.close();
    nylas.close();
  }
}
