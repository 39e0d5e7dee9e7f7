package dev.tempodesk.activities.notification;

import dev.tempodesk.db.group.GroupMembership;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.webhook.WebhookDispatchRepository;
import dev.tempodesk.db.webhook.WebhookDispatchRepository.NotificationEvent;
import dev.tempodesk.workflows.notification.TicketNotice;
import dev.tempodesk.workflows.webhook.WebhookEventType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a notice into notification rows, one per recipient and channel. The dedupe key makes a
 * second call for the same notice a no-op; the rate limit decides whether an email or webhook row
 * is PENDING (to be sent) or SUPPRESSED. The webhook channel is a {@code notification} webhook
 * event per agent recipient (issue 22.2), recorded while an enabled subscription wants that type
 * and delivered by the webhook delivery workflow like any event; its WEBHOOK row is the rate
 * limit's and the dedupe's record (SENT: handed to the webhook events). Each write stands alone (no
 * transaction spans them), so a storm of notices for one person never holds locks or connections
 * while it waits.
 */
public class NotificationOutbox {
  /** More open tickets than this alerts the managers (DESIGN.md section 4). */
  static final int OPEN_TICKET_LIMIT = 3;

  static final String EMAIL = "EMAIL";
  static final String WEBHOOK = "WEBHOOK";
  private static final String NOTIFICATION_EVENT = WebhookEventType.NOTIFICATION.wire();
  private static final String MANAGER = "MANAGER";

  private final NotificationRepository notifications;
  private final AgentRepository agents;
  private final GroupMembership groups;
  private final ContactRepository contacts;
  private final WebhookDispatchRepository webhookEvents;
  private final TransactionTemplate transaction;
  private final NotificationSettings settings;
  private final Clock clock;

  public NotificationOutbox(
      NotificationRepository notifications,
      AgentRepository agents,
      GroupMembership groups,
      ContactRepository contacts,
      WebhookDispatchRepository webhookEvents,
      TransactionTemplate transaction,
      NotificationSettings settings,
      Clock clock) {
    this.webhookEvents = webhookEvents;
    this.notifications = notifications;
    this.agents = agents;
    this.groups = groups;
    this.contacts = contacts;
    this.transaction = transaction;
    this.settings = settings;
    this.clock = clock;
  }

  /** Records the notice's notifications; idempotent. */
  public void record(TicketNotice notice) {
    String eventKind = notice.kind().name();
    NotificationText text;
    List<Recipient> recipients;
    switch (notice.kind()) {
      case SLA_WARNING, SLA_BREACHED -> {
        recipients = withManagers(notice, assignee(notice));
        text = NotificationText.of(notice, eventKind);
      }
      case ASSIGNED -> {
        recipients = assignee(notice);
        text = NotificationText.of(notice, eventKind);
      }
      case ESCALATED_TO_URGENT -> {
        recipients = withManagers(notice, List.of());
        text = NotificationText.of(notice, eventKind);
      }
      case CLOSED -> {
        recipients = reporter(notice);
        text = NotificationText.of(notice, eventKind);
      }
      case CUSTOMER_LOAD_CHANGED -> {
        eventKind = "CUSTOMER_OPEN_TICKETS";
        Integer crossed = transaction.execute(status -> openTicketsIfCrossed(notice));
        int open = crossed == null ? 0 : crossed;
        recipients = open == 0 ? List.of() : withManagers(notice, List.of());
        text = NotificationText.customerLoad(reporterName(notice), open, notice.ticketNumber());
      }
      default -> throw new IllegalArgumentException("unknown notice " + notice.kind());
    }
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    boolean webhookWanted = webhookEvents.typeWanted(NOTIFICATION_EVENT);
    for (Recipient recipient : recipients) {
      if (recipient.isAgent()) {
        // The feed entry needs no delivery: it is there as soon as it is recorded.
        NotificationsRecord entry =
            row(notice, eventKind, text, recipient, NotificationRepository.IN_APP, now)
                .setStatus(NotificationRepository.SENT)
                .setSentAt(now);
        notifications.insertIfAbsent(entry);
      }
      if (recipient.email() != null) {
        recordExternal(row(notice, eventKind, text, recipient, EMAIL, now), recipient.email(), now);
      }
      if (recipient.isAgent() && webhookWanted) {
        recordWebhookEvent(
            notice, row(notice, eventKind, text, recipient, WEBHOOK, now), recipient);
      }
    }
  }

  /**
   * A fixed one-minute window (per calendar minute, not sliding): at most {@code limitPerWindow}
   * sends per window and at most twice that across any 60 s. A crash between taking the slot and
   * inserting the row wastes the slot, never sends twice.
   */
  private void recordExternal(NotificationsRecord row, String destination, OffsetDateTime now) {
    if (notifications.exists(row.getDedupeKey())) {
      return; // a repeat: it took its slot the first time
    }
    int taken =
        notifications.takeRateSlot(
            row.getRecipientKind(), row.getRecipientId(), row.getChannel(), windowStart(now));
    row.setDestination(destination)
        .setStatus(
            taken <= settings.limitPerWindow()
                ? NotificationRepository.PENDING
                : NotificationRepository.SUPPRESSED);
    notifications.insertIfAbsent(row);
  }

  /**
   * The webhook channel: within the rate limit, a {@code notification} webhook event (source key:
   * the row's dedupe key, so a retried notice records it once), then the row as SENT; over it, the
   * row as SUPPRESSED and no event. A crash between the two leaves the event, which the retry
   * keeps.
   */
  private void recordWebhookEvent(
      TicketNotice notice, NotificationsRecord row, Recipient recipient) {
    if (notifications.exists(row.getDedupeKey())) {
      return; // a repeat: it took its slot the first time
    }
    OffsetDateTime now = row.getCreatedAt();
    int taken =
        notifications.takeRateSlot(
            row.getRecipientKind(), row.getRecipientId(), WEBHOOK, windowStart(now));
    if (taken > settings.limitPerWindow()) {
      row.setStatus(NotificationRepository.SUPPRESSED);
    } else {
      webhookEvents.recordNotification(
          new NotificationEvent(
              row.getDedupeKey(),
              notice.ticketNumber(),
              notice.priority() == null ? null : notice.priority().name(),
              new NotificationText(row.getTitle(), row.getBody()).webhookText(recipient),
              row.getEventKind(),
              row.getTitle(),
              recipient.kind(),
              recipient.id(),
              recipient.name(),
              now));
      row.setStatus(NotificationRepository.SENT).setSentAt(now);
    }
    notifications.insertIfAbsent(row.setDestination(NOTIFICATION_EVENT));
  }

  private OffsetDateTime windowStart(OffsetDateTime now) {
    long windowMillis = settings.window().toMillis();
    long start = Math.floorDiv(now.toInstant().toEpochMilli(), windowMillis) * windowMillis;
    return java.time.Instant.ofEpochMilli(start).atOffset(ZoneOffset.UTC);
  }

  /**
   * The customer's open-ticket count if this notice is the one that took it above the limit (or a
   * repeat of it), else 0. Falling back to the limit or below re-arms the alert.
   */
  private int openTicketsIfCrossed(TicketNotice notice) {
    long contactId = notice.reporterId();
    notifications.lockCustomerLoad(contactId);
    int open = notifications.countOpenTicketsOf(contactId);
    if (open <= OPEN_TICKET_LIMIT) {
      notifications.clearCustomerAlert(contactId);
      return 0;
    }
    boolean raisedNow = notifications.raiseCustomerAlert(contactId, notice.noticeId());
    boolean raisedByThis =
        notifications.customerAlertNotice(contactId).map(notice.noticeId()::equals).orElse(false);
    return raisedNow || raisedByThis ? open : 0;
  }

  static String dedupeKey(String noticeId, Recipient recipient, String channel) {
    return "%s|%s:%d|%s".formatted(noticeId, recipient.kind(), recipient.id(), channel);
  }

  private static NotificationsRecord row(
      TicketNotice notice,
      String eventKind,
      NotificationText text,
      Recipient recipient,
      String channel,
      OffsetDateTime now) {
    return new NotificationsRecord()
        .setDedupeKey(dedupeKey(notice.noticeId(), recipient, channel))
        .setRecipientKind(recipient.kind())
        .setRecipientId(recipient.id())
        .setChannel(channel)
        .setTicketNumber(notice.ticketNumber())
        .setEventKind(eventKind)
        .setTitle(text.title())
        .setBody(text.body())
        .setCreatedAt(now);
  }

  private List<Recipient> assignee(TicketNotice notice) {
    if (notice.assigneeId() == null) {
      return List.of();
    }
    return agents.find(notice.assigneeId()).filter(AgentsRecord::getActive).stream()
        .map(NotificationOutbox::recipient)
        .toList();
  }

  /**
   * The given recipients plus the managers of the ticket: the active managers of its group (issue
   * 21), or, when the group has none, every active agent with the MANAGER role; each once.
   */
  private List<Recipient> withManagers(TicketNotice notice, List<Recipient> others) {
    Map<Long, Recipient> byId = new LinkedHashMap<>();
    others.forEach(recipient -> byId.put(recipient.id(), recipient));
    List<AgentsRecord> managers = groups.activeManagersOfTicket(notice.ticketNumber());
    if (managers.isEmpty()) {
      managers = agents.listActiveWithRole(MANAGER);
    }
    for (AgentsRecord manager : managers) {
      byId.putIfAbsent(manager.getId(), recipient(manager));
    }
    return new ArrayList<>(byId.values());
  }

  private List<Recipient> reporter(TicketNotice notice) {
    return contacts
        .find(notice.reporterId())
        .map(
            contact ->
                new Recipient(
                    Recipient.CONTACT,
                    contact.getId(),
                    contact.getDisplayName(),
                    contact.getEmail()))
        .stream()
        .toList();
  }

  private String reporterName(TicketNotice notice) {
    return contacts.find(notice.reporterId()).map(c -> c.getDisplayName()).orElse("A customer");
  }

  /** The person's display name as the directory has it now. */
  String recipientName(String kind, long id) {
    return Recipient.AGENT.equals(kind)
        ? agents.find(id).map(AgentsRecord::getDisplayName).orElse("agent " + id)
        : contacts.find(id).map(contact -> contact.getDisplayName()).orElse("contact " + id);
  }

  private static Recipient recipient(AgentsRecord agent) {
    return new Recipient(Recipient.AGENT, agent.getId(), agent.getDisplayName(), agent.getEmail());
  }
}
