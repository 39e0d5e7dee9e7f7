package dev.tempodesk.api.macro;

import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The values of the {@link Placeholders} for one ticket and one agent (applying a macro or sending
 * a reply): the one place that reads them, for macros and signatures alike.
 */
@Component
public class PlaceholderValues {
  private final MailboxRepository mailboxes;

  PlaceholderValues(MailboxRepository mailboxes) {
    this.mailboxes = mailboxes;
  }

  /** The values for ticket {@code ticket} and the agent named {@code agentName}. */
  public Placeholders.Values of(TicketView ticket, String agentName, String agentEmail) {
    return new Placeholders.Values(
        ticket.reporterName(),
        ticket.reporterEmail(),
        ticket.number(),
        ticket.subject(),
        agentName,
        ticket.organizationName(),
        agentEmail,
        mailboxes
            .replyingFor(ticket.row().getMailboxId())
            .map(MailboxesRecord::getEmail)
            .orElse(null));
  }
}
