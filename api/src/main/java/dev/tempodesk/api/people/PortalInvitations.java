package dev.tempodesk.api.people;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.notification.DeliveryFailure;
import dev.tempodesk.activities.notification.EmailSender;
import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.Passwords;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.NotificationsRecord;
import dev.tempodesk.db.jooq.tables.records.PortalInvitationsRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.PortalInvitationRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portal access by an emailed invitation link (issue 21.5). The link {@code <public base
 * URL>/portal/invitation/<token>} is mailed from the support mailbox by the notifications' {@link
 * EmailSender}; only the token's SHA-256 is stored. A token works once, until it expires ({@code
 * tempodesk.portal-invitation-ttl}, 7 days by default) or a newer invitation replaces it.
 */
@Service
public class PortalInvitations {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PortalInvitationRepository invitations;
  private final ContactRepository contacts;
  private final Passwords passwords;
  private final EmailSender mail;
  private final TransactionTemplate transaction;
  private final String baseUrl;
  private final Duration ttl;
  private final Clock clock;

  PortalInvitations(
      PortalInvitationRepository invitations,
      ContactRepository contacts,
      Passwords passwords,
      NylasClient nylas,
      MailboxRepository mailboxes,
      TicketRepository tickets,
      MailboxOutages outages,
      TransactionTemplate transaction,
      TempodeskProperties properties,
      @Value("${tempodesk.portal-invitation-ttl:P7D}") Duration ttl,
      Clock clock) {
    this.invitations = invitations;
    this.contacts = contacts;
    this.passwords = passwords;
    this.mail = new EmailSender(nylas, mailboxes, tickets, outages);
    this.transaction = transaction;
    this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    this.ttl = ttl;
    this.clock = clock;
  }

  /** What an invitation link answers before it is used: whom it is for, until when. */
  public record Invitation(
      long contactId, String displayName, String email, OffsetDateTime expiresAt) {}

  /** Mails the contact a new invitation (earlier open ones stop working). */
  PortalInvitationsRecord invite(ContactsRecord contact, SignedInUser by) {
    String token = newToken();
    OffsetDateTime now = now();
    PortalInvitationsRecord invitation =
        invitations.insert(contact.getId(), hash(token), by.id(), now, now.plus(ttl));
    String link = baseUrl + "/portal/invitation/" + token;
    NotificationsRecord message =
        new NotificationsRecord()
            .setDedupeKey("portal-invitation:" + invitation.getId())
            .setDestination(contact.getEmail())
            .setTitle("Your access to our support portal")
            .setBody(
                """
                Hello %s,

                you are invited to our support portal, where you can follow and answer your \
                tickets. Choose your password here:

                %s

                The link works once, until %s (UTC).
                """
                    .formatted(
                        contact.getDisplayName(),
                        link,
                        invitation
                            .getExpiresAt()
                            .withOffsetSameInstant(ZoneOffset.UTC)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))))
            .setSendAttempt(0)
            .setCreatedAt(now);
    try {
      mail.send(message, contact.getDisplayName());
    } catch (DeliveryFailure failed) {
      invitations.delete(invitation.getId());
      throw FieldException.conflict(
          "mailbox", "The invitation could not be mailed: " + failed.getMessage());
    }
    return invitation;
  }

  List<PortalInvitationsRecord> of(long contactId) {
    return invitations.ofContact(contactId);
  }

  /** The open invitation of this token; 404 naming token if unknown, 409 if used or expired. */
  public Invitation check(String token) {
    PortalInvitationsRecord invitation = open(token);
    ContactsRecord contact = contactOf(invitation);
    return new Invitation(
        contact.getId(), contact.getDisplayName(), contact.getEmail(), invitation.getExpiresAt());
  }

  /**
   * Uses the invitation: the contact's portal opens with this password (422 naming password if the
   * policy refuses it). Answers the contact's address, to sign them in with.
   */
  public String accept(String token, String password) {
    check(token);
    String passwordHash = passwords.hash("password", password);
    return transaction.execute(
        status -> {
          PortalInvitationsRecord used =
              invitations
                  .accept(hash(token), now())
                  .orElseThrow(
                      () -> {
                        open(token); // used or replaced at the same moment: says which
                        return FieldException.conflict(
                            "token", "This invitation link was used already.");
                      });
          ContactsRecord contact = contactOf(used);
          contacts.setPortalAccess(contact.getId(), true, passwordHash);
          return contact.getEmail();
        });
  }

  private PortalInvitationsRecord open(String token) {
    PortalInvitationsRecord invitation =
        invitations
            .findByHash(hash(token))
            .orElseThrow(
                () -> FieldException.notFound("token", "This invitation link is not known."));
    FieldException refused = refusal(invitation);
    if (refused != null) {
      throw refused;
    }
    return invitation;
  }

  /** Why the invitation can no longer be used, or null if it can. */
  private FieldException refusal(PortalInvitationsRecord invitation) {
    if (invitation.getAcceptedAt() != null) {
      return FieldException.conflict(
          "token", "This invitation link was used already: sign in with your password.");
    }
    if (invitation.getReplacedAt() != null) {
      return FieldException.conflict(
          "token", "A newer invitation replaced this link: use the link of the latest email.");
    }
    if (!invitation.getExpiresAt().isAfter(now())) {
      return FieldException.conflict(
          "token", "This invitation link has expired: ask us for a new one.");
    }
    return null;
  }

  private ContactsRecord contactOf(PortalInvitationsRecord invitation) {
    return contacts
        .find(invitation.getContactId())
        .filter(contact -> contact.getMergedIntoId() == null)
        .orElseThrow(
            () ->
                FieldException.conflict(
                    "token", "This invitation link is no longer valid: ask us for a new one."));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException missing) {
      throw new IllegalStateException(missing);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
