package dev.tempodesk.activities.routing;

import dev.tempodesk.activities.mail.MailHtml;
import dev.tempodesk.activities.ticket.NewTicket;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.workflows.mail.MailAddress;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
import dev.tempodesk.workflows.ticket.Channel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What routing rules ask of a new ticket.
 *
 * @param recipients canonical addresses the mail was sent to (To and Cc); empty for tickets that
 *     came in no mail
 * @param text the first message as plain text (an HTML body by its text)
 */
public record RoutingFacts(
    Long mailboxId,
    Set<String> recipients,
    Long organizationId,
    String subject,
    String text,
    Channel channel) {

  public RoutingFacts {
    recipients = recipients == null ? Set.of() : Set.copyOf(recipients);
    subject = subject == null ? "" : subject;
    text = text == null ? "" : text;
  }

  /** The facts of a ticket about to be opened. */
  public static RoutingFacts of(NewTicket ticket) {
    MessagesRecord first = ticket.firstMessage();
    return new RoutingFacts(
        ticket.mailboxId(),
        recipients(first.getToAddresses(), first.getCcAddresses()),
        ticket.organizationId(),
        ticket.subject(),
        textOf(first.getBodyText(), first.getBodyHtml()),
        ticket.channel());
  }

  /**
   * The canonical addresses of RFC 5322 address lists (as messages store To and Cc); entries that
   * are no address are left out.
   */
  public static Set<String> recipients(String... addressLists) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String list : addressLists) {
      for (ParsedAddress parsed : MailAddresses.parseList(list)) {
        parsed.toOptional().map(MailAddress::address).ifPresent(addresses::add);
      }
    }
    return addresses;
  }

  /** A message's text: the plain text, or what its HTML shows. */
  public static String textOf(String bodyText, String bodyHtml) {
    if (bodyText != null && !bodyText.isBlank()) {
      return bodyText;
    }
    return bodyHtml == null ? "" : MailHtml.toText(MailHtml.sanitize(bodyHtml));
  }

  /** Facts from the API's "which rule would match" form. */
  public static RoutingFacts of(
      Long mailboxId,
      List<String> recipients,
      Long organizationId,
      String subject,
      String text,
      Channel channel) {
    return new RoutingFacts(
        mailboxId,
        recipients(recipients == null ? new String[0] : recipients.toArray(String[]::new)),
        organizationId,
        subject,
        text,
        channel);
  }
}
