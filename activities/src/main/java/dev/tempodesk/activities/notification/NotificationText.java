package dev.tempodesk.activities.notification;

import dev.tempodesk.workflows.notification.TicketNotice;

/** What a notification says: a one-line title and a short body, plain text. */
public record NotificationText(String title, String body) {

  /** The Slack-compatible one-liner of the webhook. */
  public String webhookText(Recipient recipient) {
    return "%s (for %s): %s".formatted(title, recipient.name(), body);
  }

  static NotificationText of(TicketNotice notice, String eventKind) {
    String ticket = "#" + notice.ticketNumber();
    String about = "\"%s\" (%s)".formatted(notice.subject(), notice.priority());
    return switch (eventKind) {
      case "SLA_WARNING" ->
          new NotificationText(
              "SLA warning on " + ticket,
              clockText(notice) + ": 80 % of the target used. " + about);
      case "SLA_BREACHED" ->
          new NotificationText(
              "SLA breached on " + ticket, clockText(notice) + ": the target was missed. " + about);
      case "ASSIGNED" -> new NotificationText(ticket + " was assigned to you", about);
      case "ESCALATED_TO_URGENT" ->
          new NotificationText(ticket + " was escalated to URGENT", about);
      case "CLOSED" ->
          // The [#n] token lets a reply thread back to the ticket (and reopen it in its window).
          new NotificationText(
              "Your ticket [" + ticket + "] is closed",
              "We closed your request \"%s\". Reply to this ticket's mail to reopen it."
                  .formatted(notice.subject()));
      default -> throw new IllegalArgumentException("no text for " + eventKind);
    };
  }

  static NotificationText customerLoad(String customerName, int openTickets, long ticketNumber) {
    return new NotificationText(
        customerName + " has " + openTickets + " open tickets",
        "More than 3 tickets of this customer are open (latest #%d).".formatted(ticketNumber));
  }

  private static String clockText(TicketNotice notice) {
    return notice.detail() == null ? "SLA" : notice.detail();
  }
}
