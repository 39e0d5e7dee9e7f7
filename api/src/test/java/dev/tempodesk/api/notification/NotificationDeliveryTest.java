package dev.tempodesk.api.notification;

import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static dev.tempodesk.db.jooq.Tables.NOTIFICATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.WEBHOOK_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.SettableClock;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.workflows.notification.NoticeKind;
import dev.tempodesk.workflows.notification.TicketNotice;
import dev.tempodesk.workflows.ticket.Priority;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once delivery of notifications over email (fake Nylas), webhook (loopback, the
 * ENVIRONMENT subscription: notification webhook events posted by the webhook delivery's activity)
 * and the in-app feed, against real Postgres. A Temporal activity retry is another call of {@code
 * deliver} with the same notice, so calling it again is what a retry does.
 */
class NotificationDeliveryTest {
  private NotificationRig rig;

  @AfterEach
  void close() {
    rig.close();
  }

  private TicketNotice notice(String id, NoticeKind kind, TicketsRecord ticket, Long assignee) {
    return new TicketNotice(
        id,
        kind,
        ticket.getNumber(),
        ticket.getSubject(),
        Priority.NORMAL,
        assignee,
        ticket.getReporterId(),
        "RESOLVE SLA BREACH",
        Instant.now());
  }

  private List<NotificationsRecord> rows(String channel) {
    return rig.jooq
        .dsl()
        .selectFrom(NOTIFICATIONS)
        .where(NOTIFICATIONS.CHANNEL.eq(channel))
        .fetch();
  }

  @Test
  void shouldNotifyAssigneeAndManagersOnceWhenTheSameBreachIsTriggeredTwice() throws Exception {
    rig = new NotificationRig(10);
    TicketsRecord ticket = rig.openTicket("Printer on fire");
    TicketNotice breach =
        notice("event-1:SLA_BREACHED", NoticeKind.SLA_BREACHED, ticket, rig.alice.getId());

    rig.activities.deliver(breach);
    rig.activities.deliver(breach);
    assertThat(rig.postWebhooks()).containsExactly("DELIVERED", "DELIVERED", "DELIVERED");

    assertThat(rig.mailTo("alice@tempodesk.dev")).hasSize(1);
    assertThat(rig.mailTo("mona@tempodesk.dev")).hasSize(1);
    // Issue 21: the managers of the ticket's group; V44 made every manager and admin a manager of
    // the default group, so the admin is one of them (before groups: managers only).
    assertThat(rig.mailTo("adam@tempodesk.dev")).as("a manager of the default group").hasSize(1);
    assertThat(rig.mailTo("alice@tempodesk.dev").getFirst().subject())
        .isEqualTo("SLA breached on #" + ticket.getNumber());
    assertThat(rig.webhook.posts()).hasSize(3);
    assertThat(rig.webhook.posts())
        .extracting(LoopbackWebhook.Post::body)
        .allMatch(body -> body.contains("\"text\":\"SLA breached on #" + ticket.getNumber()));
    assertThat(rig.webhook.posts())
        .as("signed with TEMPODESK_NOTIFY_WEBHOOK_SECRET")
        .allMatch(post -> post.signedWith(NotificationRig.WEBHOOK_SECRET));
    assertThat(rig.notifications.feed("AGENT", rig.alice.getId(), null, 10)).hasSize(1);
    assertThat(rig.notifications.feed("AGENT", rig.mona.getId(), null, 10)).hasSize(1);
    assertThat(rig.notifications.feed("AGENT", rig.adam.getId(), null, 10)).hasSize(1);
    assertThat(rows("EMAIL")).extracting(NotificationsRecord::getStatus).containsOnly("SENT");
  }

  @Test
  void shouldSendOnceWhenTheActivityIsRetriedAfterNylasAcceptedTheMailAndTheWebhookFailed()
      throws Exception {
    rig = new NotificationRig(10);
    TicketsRecord ticket = rig.openTicket("VPN down");
    TicketNotice assigned =
        notice("event-2:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId());
    rig.nylas.faults().loseNextSendAnswers(1, 500);
    rig.webhook.failNext(1);

    assertThatThrownBy(() -> rig.activities.deliver(assigned))
        .isInstanceOf(ApplicationFailure.class);
    assertThat(rows("EMAIL")).extracting(NotificationsRecord::getStatus).containsExactly("FAILED");
    rig.activities.deliver(assigned); // the retry
    assertThat(rig.postWebhooks()).as("a 500, then retried").containsExactly("DELIVERED");

    assertThat(rig.mailTo("alice@tempodesk.dev"))
        .as("the mail went out on the first try")
        .hasSize(1);
    assertThat(rig.webhook.posts()).hasSize(2);
    assertThat(rig.webhook.accepted()).hasSize(1);
    assertThat(rig.webhook.posts().getFirst().idempotencyKey())
        .isEqualTo(rig.webhook.posts().getLast().idempotencyKey());
    assertThat(rig.notifications.feed("AGENT", rig.alice.getId(), null, 10)).hasSize(1);
    NotificationsRecord email = rows("EMAIL").getFirst();
    assertThat(email.getStatus()).isEqualTo("SENT");
    assertThat(email.getAttempts()).isEqualTo(2);
    assertThat(email.getLastError()).isNull();
  }

  @Test
  void shouldSendUnderANewKeyWhenNylasAnsweredAnErrorItReplaysForTheOldOne() throws Exception {
    rig = new NotificationRig(10);
    TicketsRecord ticket = rig.openTicket("Mail server down");
    TicketNotice assigned =
        notice("event-3:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId());
    rig.nylas.failNextRequests(1, 500); // Nylas' own 500, kept for the key for an hour

    assertThatThrownBy(() -> rig.activities.deliver(assigned))
        .isInstanceOf(ApplicationFailure.class);
    assertThat(rig.mailTo("alice@tempodesk.dev")).isEmpty();
    rig.activities.deliver(assigned); // the retry: not in the sent mail, so a new key
    rig.activities.deliver(assigned);

    assertThat(rig.mailTo("alice@tempodesk.dev")).hasSize(1);
    NotificationsRecord email = rows("EMAIL").getFirst();
    assertThat(email.getStatus()).isEqualTo("SENT");
    assertThat(email.getSendAttempt()).isEqualTo(1);
  }

  @Test
  void shouldSuppressEmailAndWebhookOverTheRateLimitButKeepEveryFeedEntry() throws Exception {
    // Mid-minute, so that all five fall into one rate-limit window.
    rig =
        new NotificationRig(3, Clock.fixed(Instant.parse("2026-11-22T10:00:30Z"), ZoneOffset.UTC));
    TicketsRecord ticket = rig.openTicket("Storm");

    for (int i = 0; i < 5; i++) {
      rig.activities.deliver(
          notice("storm-" + i + ":ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));
    }
    rig.postWebhooks();

    assertThat(rig.mailTo("alice@tempodesk.dev")).hasSize(3);
    assertThat(rig.webhook.posts()).hasSize(3);
    assertThat(rig.notifications.feed("AGENT", rig.alice.getId(), null, 10)).hasSize(5);
    assertThat(rows("EMAIL"))
        .extracting(NotificationsRecord::getStatus)
        .containsExactlyInAnyOrder("SENT", "SENT", "SENT", "SUPPRESSED", "SUPPRESSED");
  }

  @Test
  void shouldAllowSendsAgainInTheNextMinute() throws Exception {
    SettableClock clock = new SettableClock(Instant.parse("2026-11-22T10:00:50Z"));
    rig = new NotificationRig(1, clock);
    TicketsRecord ticket = rig.openTicket("Storm");

    rig.activities.deliver(notice("a:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));
    rig.activities.deliver(notice("b:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));
    clock.set(Instant.parse("2026-11-22T10:01:01Z"));
    rig.activities.deliver(notice("c:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));

    assertThat(rig.mailTo("alice@tempodesk.dev")).hasSize(2);
    assertThat(rows("EMAIL"))
        .extracting(NotificationsRecord::getStatus)
        .containsExactlyInAnyOrder("SENT", "SUPPRESSED", "SENT");
  }

  @Test
  void shouldEmailTheReporterWhenTheTicketIsClosed() throws Exception {
    rig = new NotificationRig(10);
    TicketsRecord ticket = rig.openTicket("Refund");

    rig.activities.deliver(notice("event-3:CLOSED", NoticeKind.CLOSED, ticket, rig.alice.getId()));
    rig.postWebhooks();

    assertThat(rig.mailTo("carla@acme.example")).hasSize(1);
    assertThat(rig.mailTo("carla@acme.example").getFirst().subject())
        .isEqualTo("Your ticket [#" + ticket.getNumber() + "] is closed");
    assertThat(rig.webhook.posts()).as("the team webhook is for agents").isEmpty();
    assertThat(rows("IN_APP")).isEmpty();
  }

  @Test
  void shouldPostTheOldNotificationBodyAsTheDataOfASignedNotificationEvent() throws Exception {
    rig = new NotificationRig(10);
    TicketsRecord ticket = rig.openTicket("VPN down");

    rig.activities.deliver(
        notice("event-9:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));
    rig.postWebhooks();

    LoopbackWebhook.Post post = rig.webhook.posts().getFirst();
    assertThat(post.signedWith(NotificationRig.WEBHOOK_SECRET)).isTrue();
    JsonNode body = JsonMapper.builder().build().readTree(post.body());
    String line =
        "#%d was assigned to you (for Alice Agent): \"VPN down\" (NORMAL)"
            .formatted(ticket.getNumber());
    assertThat(body.path("type").asString()).isEqualTo("notification");
    assertThat(body.path("text").asString()).as("the old Slack line").isEqualTo(line);
    JsonNode data = body.path("data");
    assertThat(data.path("text").asString()).isEqualTo(line);
    assertThat(data.path("event").asString()).isEqualTo("ASSIGNED");
    assertThat(data.path("ticket").asLong()).isEqualTo(ticket.getNumber());
    assertThat(data.path("title").asString())
        .isEqualTo("#" + ticket.getNumber() + " was assigned to you");
    assertThat(data.path("recipient").path("kind").asString()).isEqualTo("AGENT");
    assertThat(data.path("recipient").path("id").asLong()).isEqualTo(rig.alice.getId());
    assertThat(data.path("recipient").path("name").asString()).isEqualTo("Alice Agent");
    assertThat(data.path("id").asString())
        .isEqualTo("event-9:ASSIGNED|AGENT:" + rig.alice.getId() + "|WEBHOOK");
    assertThat(rig.jooq.dsl().selectFrom(WEBHOOK_EVENTS).fetchSingle().getPriority())
        .as("filled for the subscriptions' priority filter")
        .isEqualTo("NORMAL");
  }

  @Test
  void shouldRecordNoWebhookEventWhileNoSubscriptionWantsNotifications() throws Exception {
    rig = new NotificationRig(10, Clock.systemUTC(), false);
    TicketsRecord ticket = rig.openTicket("Quiet");

    rig.activities.deliver(
        notice("event-10:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));

    assertThat(rig.jooq.dsl().fetchCount(WEBHOOK_EVENTS)).isZero();
    assertThat(rows("WEBHOOK")).isEmpty();
    assertThat(rig.mailTo("alice@tempodesk.dev")).hasSize(1);

    rig.subscriptions.syncEnvironment(rig.webhook.url(), null, NotificationRig.WEBHOOK_SECRET);
    rig.jooq.dsl().execute("update webhook_subscriptions set enabled = false");
    rig.activities.deliver(
        notice("event-11:ASSIGNED", NoticeKind.ASSIGNED, ticket, rig.alice.getId()));

    assertThat(rig.jooq.dsl().fetchCount(WEBHOOK_EVENTS))
        .as("a disabled subscription wants nothing")
        .isZero();
  }

  @Test
  void shouldTellManagersOncePerCrossingOfThreeOpenTickets() throws Exception {
    rig = new NotificationRig(10);
    List<TicketsRecord> open = new java.util.ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      TicketsRecord ticket = rig.openTicket("Issue " + i);
      open.add(ticket);
      rig.activities.deliver(
          notice("open-" + i + ":LOAD", NoticeKind.CUSTOMER_LOAD_CHANGED, ticket, null));
    }
    assertThat(rig.notifications.feed("AGENT", rig.mona.getId(), null, 10))
        .as("the 4th ticket crosses; the 5th is the same crossing")
        .singleElement()
        .satisfies(
            entry -> assertThat(entry.getTitle()).isEqualTo("Carla Customer has 4 open tickets"));

    // Back to 3 open, then 4 again: a new crossing.
    for (TicketsRecord ticket : open.subList(0, 2)) {
      rig.jooq
          .dsl()
          .execute(
              "update tickets set status = 'CLOSED', resolution = 'SOLVED', closed_at = now()"
                  + " where number = ?",
              ticket.getNumber());
      rig.activities.deliver(
          notice(
              "close-" + ticket.getNumber() + ":LOAD",
              NoticeKind.CUSTOMER_LOAD_CHANGED,
              ticket,
              null));
    }
    TicketsRecord sixth = rig.openTicket("Issue 6");
    rig.activities.deliver(notice("open-6:LOAD", NoticeKind.CUSTOMER_LOAD_CHANGED, sixth, null));

    assertThat(rig.notifications.feed("AGENT", rig.mona.getId(), null, 10)).hasSize(2);
    assertThat(rig.mailTo("mona@tempodesk.dev")).hasSize(2);
  }

  @Test
  void shouldSendBreachAndOverloadNoticesToTheManagersOfTheTicketsGroup() throws Exception {
    rig = new NotificationRig(10);
    var dsl = rig.jooq.dsl();
    AgentsRecord max =
        new AgentRepository(dsl).insert("max@tempodesk.dev", "Max Billing", "AGENT", 5);
    long billing =
        dsl.insertInto(GROUPS).set(GROUPS.NAME, "Billing").returning(GROUPS.ID).fetchOne().getId();
    long network =
        dsl.insertInto(GROUPS).set(GROUPS.NAME, "Network").returning(GROUPS.ID).fetchOne().getId();
    dsl.insertInto(GROUP_MEMBERS)
        .set(GROUP_MEMBERS.GROUP_ID, billing)
        .set(GROUP_MEMBERS.AGENT_ID, max.getId())
        .set(GROUP_MEMBERS.MANAGER, true)
        .execute();
    TicketsRecord invoice = rig.openTicket("Invoice twice");
    TicketsRecord router = rig.openTicket("Router down");
    dsl.update(TICKETS)
        .set(TICKETS.GROUP_ID, billing)
        .where(TICKETS.NUMBER.eq(invoice.getNumber()))
        .execute();
    dsl.update(TICKETS)
        .set(TICKETS.GROUP_ID, network)
        .where(TICKETS.NUMBER.eq(router.getNumber()))
        .execute();

    rig.activities.deliver(
        notice("event-7:SLA_BREACHED", NoticeKind.SLA_BREACHED, invoice, rig.alice.getId()));

    assertThat(rig.mailTo("max@tempodesk.dev")).as("Billing's manager").hasSize(1);
    assertThat(rig.mailTo("alice@tempodesk.dev")).as("the assignee, as before").hasSize(1);
    assertThat(rig.mailTo("mona@tempodesk.dev")).as("a manager of another group").isEmpty();

    rig.activities.deliver(notice("event-8:SLA_BREACHED", NoticeKind.SLA_BREACHED, router, null));

    assertThat(rig.mailTo("mona@tempodesk.dev"))
        .as("Network has no manager: every manager, as before groups")
        .hasSize(1);
    assertThat(rig.mailTo("max@tempodesk.dev")).hasSize(1);

    TicketsRecord third = rig.openTicket("Third");
    rig.activities.deliver(notice("load-3:LOAD", NoticeKind.CUSTOMER_LOAD_CHANGED, third, null));
    TicketsRecord fourth = rig.openTicket("Fourth");
    dsl.update(TICKETS)
        .set(TICKETS.GROUP_ID, billing)
        .where(TICKETS.NUMBER.eq(fourth.getNumber()))
        .execute();
    rig.activities.deliver(notice("load-4:LOAD", NoticeKind.CUSTOMER_LOAD_CHANGED, fourth, null));

    assertThat(rig.notifications.feed("AGENT", max.getId(), null, 10))
        .as("the 4th open ticket, in Billing, crossed the limit")
        .extracting(NotificationsRecord::getEventKind)
        .contains("CUSTOMER_OPEN_TICKETS");
    assertThat(rig.notifications.feed("AGENT", rig.mona.getId(), null, 10))
        .extracting(NotificationsRecord::getEventKind)
        .doesNotContain("CUSTOMER_OPEN_TICKETS");
  }
}
