package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.NylasApiException;
import dev.tempodesk.activities.nylas.NylasException;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MailboxesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * A mailbox whose grant Nylas refuses (401/403 during a pass or a send, or a {@code grant.expired}
 * webhook) needs its owner to connect it again. The first report of an episode tells every active
 * admin in the in-app feed; later reports of the same episode only refresh the reason. Connecting
 * the mailbox again (or a pass that gets through) ends the episode.
 */
public class MailboxOutages {
  public static final String NEEDS_RECONNECT_EVENT = "MAILBOX_NEEDS_RECONNECT";
  private static final String ADMIN = "ADMIN";

  private final MailboxRepository mailboxes;
  private final AgentRepository agents;
  private final NotificationRepository notifications;
  private final Clock clock;

  public MailboxOutages(
      MailboxRepository mailboxes,
      AgentRepository agents,
      NotificationRepository notifications,
      Clock clock) {
    this.mailboxes = mailboxes;
    this.agents = agents;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Over one database, e.g. for rigs that wire activities without Spring. */
  public static MailboxOutages over(DSLContext dsl, Clock clock) {
    return new MailboxOutages(
        new MailboxRepository(dsl),
        new AgentRepository(dsl),
        new NotificationRepository(dsl),
        clock);
  }

  /**
   * A send that Nylas refused for the mailbox's grant (401/403) means what a refused sync pass
   * means: the mailbox needs a reconnect (admins told once per episode). True if {@code failure}
   * was such a refusal; other failures change nothing here.
   */
  public boolean sendRefused(MailboxesRecord mailbox, NylasException failure) {
    if (!(failure instanceof NylasApiException answer)
        || answer.kind() != NylasApiException.Kind.AUTH) {
      return false;
    }
    needsReconnect(mailbox, "a send was refused: " + answer.getMessage());
    return true;
  }

  /** Marks the mailbox "needs reconnect"; true when this started the episode (admins told). */
  public boolean needsReconnect(MailboxesRecord mailbox, String reason) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    if (!mailboxes.markNeedsReconnect(mailbox.getId(), reason, now)) {
      return false;
    }
    String address = mailbox.getEmail() == null ? mailbox.getGrantId() : mailbox.getEmail();
    // One key per episode and admin: a retried activity or a repeated webhook adds nothing.
    String episode = "mailbox-reconnect:%d:%d".formatted(mailbox.getId(), now.toEpochSecond());
    for (AgentsRecord admin : agents.listActiveWithRole(ADMIN)) {
      notifications.insertAgentNotice(
          episode,
          admin.getId(),
          NEEDS_RECONNECT_EVENT,
          "Mailbox " + address + " needs to be connected again",
          "Nylas refused its grant, so no mail is read from it. Open Mailboxes and choose"
              + " Reconnect. ("
              + reason
              + ")",
          now);
    }
    return true;
  }
}
