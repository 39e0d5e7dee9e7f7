package dev.tempodesk.api.assist;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * Reads a ticket as assist's prompts see it: subject, the customer's name, status, priority, tags,
 * group and the public messages with their authors' names. Internal notes, e-mail addresses,
 * attachments, the organization and custom fields are never read here, so never sent.
 */
@Component
class TicketContexts {
  private final TicketRepository tickets;
  private final MessageRepository messages;
  private final AgentRepository agents;
  private final ContactRepository contacts;

  TicketContexts(
      TicketRepository tickets,
      MessageRepository messages,
      AgentRepository agents,
      ContactRepository contacts) {
    this.tickets = tickets;
    this.messages = messages;
    this.agents = agents;
    this.contacts = contacts;
  }

  Optional<TicketContext> read(long number) {
    return tickets.findView(number).map(this::of);
  }

  private TicketContext of(TicketView ticket) {
    List<MessagesRecord> visible =
        messages.listForTicket(ticket.number()).stream()
            .filter(message -> "PUBLIC".equals(message.getVisibility()))
            .toList();
    List<TicketContext.Entry> thread =
        visible.stream()
            .skip(Math.max(0, visible.size() - AssistPrompts.THREAD_LIMIT))
            .map(message -> entry(message, ticket))
            .toList();
    return new TicketContext(
        ticket.number(),
        ticket.subject(),
        ticket.reporterName(),
        ticket.status(),
        ticket.priority(),
        ticket.tags(),
        ticket.groupName(),
        thread,
        visible.size());
  }

  private TicketContext.Entry entry(MessagesRecord message, TicketView ticket) {
    String text = message.getBodyText();
    if ((text == null || text.isBlank()) && message.getBodyHtml() != null) {
      text = Jsoup.parse(message.getBodyHtml()).text();
    }
    if (message.getAuthorAgentId() != null) {
      String name =
          agents.find(message.getAuthorAgentId()).map(AgentsRecord::getDisplayName).orElse("Agent");
      return new TicketContext.Entry(name, "agent", text);
    }
    if ("OUTBOUND".equals(message.getDirection())) {
      return new TicketContext.Entry("Tempodesk", "agent", text);
    }
    String name =
        message.getAuthorContactId() == null
            ? ticket.reporterName()
            : contacts
                .find(message.getAuthorContactId())
                .map(ContactsRecord::getDisplayName)
                .orElse("Customer");
    return new TicketContext.Entry(name, "customer", text);
  }
}
