package dev.tempodesk.activities.ticket;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import java.util.function.Consumer;

/**
 * A ticket about to be opened, with its first message (whose ticket number is filled in on
 * opening). Built by name: one factory per way in ({@link #byEmail}, {@link #byPortal}, {@link
 * #byAgent}) takes the rows it comes from, and each optional id has a method of its own, so two ids
 * of the same type cannot trade places unseen. The organization is the reporter's unless {@link
 * #inOrganization} says otherwise. Never a Temporal payload: it lives within one transaction.
 */
public final class NewTicket {
  private String subject;
  private Priority priority;
  private Channel channel;
  private ContactsRecord reporter;
  private Long organizationId;
  private Long assetId;
  private AgentsRecord assignee;
  private Long mailboxId;
  private String threadId;
  private Long previousTicket;
  private MessagesRecord firstMessage;
  private Actor actor;
  private String comment;

  private NewTicket() {}

  private static NewTicket of(
      Channel channel,
      Priority priority,
      Actor actor,
      ContactsRecord reporter,
      String subject,
      MessagesRecord firstMessage,
      String comment) {
    NewTicket ticket = new NewTicket();
    ticket.channel = channel;
    ticket.priority = priority;
    ticket.actor = actor;
    ticket.reporter = reporter;
    ticket.organizationId = reporter.getOrganizationId();
    ticket.subject = subject;
    ticket.firstMessage = firstMessage;
    ticket.comment = comment;
    return ticket;
  }

  /** Mail that starts a thread of {@code mailbox}: written by the reporter, priority NORMAL. */
  public static NewTicket byEmail(
      MailboxesRecord mailbox,
      String threadId,
      ContactsRecord reporter,
      String subject,
      MessagesRecord firstMessage,
      String comment) {
    NewTicket ticket =
        of(
            Channel.EMAIL,
            Priority.NORMAL,
            Actor.contact(reporter.getId(), reporter.getDisplayName()),
            reporter,
            subject,
            firstMessage,
            comment);
    ticket.mailboxId = mailbox.getId();
    ticket.threadId = threadId;
    return ticket;
  }

  /** A customer's ticket from the portal: priority NORMAL, nobody assigned. */
  public static NewTicket byPortal(
      ContactsRecord reporter,
      Actor customer,
      String subject,
      MessagesRecord description,
      String comment) {
    return of(Channel.PORTAL, Priority.NORMAL, customer, reporter, subject, description, comment);
  }

  /** A ticket an agent opens for a customer (by phone, by email, or on their own). */
  public static NewTicket byAgent(
      Channel channel,
      Actor agent,
      ContactsRecord reporter,
      String subject,
      Priority priority,
      MessagesRecord description,
      String comment) {
    return of(channel, priority, agent, reporter, subject, description, comment);
  }

  /** Filed under this organization (null: none) instead of the reporter's. */
  public NewTicket inOrganization(Long organizationId) {
    return with(ticket -> ticket.organizationId = organizationId);
  }

  /** About this asset of the organization (null: none). */
  public NewTicket aboutAsset(Long assetId) {
    return with(ticket -> ticket.assetId = assetId);
  }

  /** Assigned from the start (null: waits in the queue). */
  public NewTicket assignedTo(AgentsRecord assignee) {
    return with(ticket -> ticket.assignee = assignee);
  }

  /** The follow-up of ticket {@code previousTicket}, closed beyond its reopen window. */
  public NewTicket followUpOf(Long previousTicket) {
    return with(ticket -> ticket.previousTicket = previousTicket);
  }

  private NewTicket with(Consumer<NewTicket> change) {
    NewTicket copy = new NewTicket();
    copy.subject = subject;
    copy.priority = priority;
    copy.channel = channel;
    copy.reporter = reporter;
    copy.organizationId = organizationId;
    copy.assetId = assetId;
    copy.assignee = assignee;
    copy.mailboxId = mailboxId;
    copy.threadId = threadId;
    copy.previousTicket = previousTicket;
    copy.firstMessage = firstMessage;
    copy.actor = actor;
    copy.comment = comment;
    change.accept(copy);
    return copy;
  }

  public String subject() {
    return subject;
  }

  public Priority priority() {
    return priority;
  }

  public Channel channel() {
    return channel;
  }

  public ContactsRecord reporter() {
    return reporter;
  }

  public Long organizationId() {
    return organizationId;
  }

  public Long assetId() {
    return assetId;
  }

  public AgentsRecord assignee() {
    return assignee;
  }

  public Long mailboxId() {
    return mailboxId;
  }

  public String threadId() {
    return threadId;
  }

  public Long previousTicket() {
    return previousTicket;
  }

  public MessagesRecord firstMessage() {
    return firstMessage;
  }

  public Actor actor() {
    return actor;
  }

  public String comment() {
    return comment;
  }
}
