package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which mailbox messages must not reach a ticket: drafts, mail we sent ourselves, and
 * machine-written mail whose answer would start a mail loop (RFC 3834 Auto-Submitted, the common
 * X-Autoreply headers, Precedence bulk/junk/list, list headers, bounces).
 */
public final class MailClassifier {
  private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster");

  private final String mailboxAddress;
  private final Set<String> draftFolderIds;
  private final Set<String> sentFolderIds;

  public MailClassifier(
      String mailboxAddress, Set<String> draftFolderIds, Set<String> sentFolderIds) {
    this.mailboxAddress = mailboxAddress.toLowerCase(Locale.ROOT);
    this.draftFolderIds = draftFolderIds;
    this.sentFolderIds = sentFolderIds;
  }

  public Optional<SkipReason> skipReason(NylasMessage message) {
    if (!"message".equals(message.object()) || inAny(message, draftFolderIds)) {
      return Optional.of(SkipReason.DRAFT);
    }
    String sender = senderOf(message).orElse(null);
    if (sender == null) {
      return Optional.of(SkipReason.NO_SENDER);
    }
    if (sender.equals(mailboxAddress) || inAny(message, sentFolderIds)) {
      return Optional.of(SkipReason.OWN_SENT);
    }
    if (BOUNCE_SENDERS.contains(sender.substring(0, sender.indexOf('@')))) {
      return Optional.of(SkipReason.BOUNCE);
    }
    if (message
        .header("X-Loop")
        .map(v -> v.toLowerCase(Locale.ROOT).contains(mailboxAddress))
        .orElse(false)) {
      return Optional.of(SkipReason.LOOP);
    }
    String autoSubmitted =
        message.header("Auto-Submitted").orElse("no").trim().toLowerCase(Locale.ROOT);
    if (!autoSubmitted.equals("no")
        || message.header("X-Autoreply").isPresent()
        || message.header("X-Autorespond").isPresent()) {
      return Optional.of(SkipReason.AUTO_REPLY);
    }
    String precedence = message.header("Precedence").orElse("").trim().toLowerCase(Locale.ROOT);
    if (precedence.equals("bulk") || precedence.equals("junk")) {
      return Optional.of(SkipReason.BULK);
    }
    if (precedence.equals("list")
        || message.header("List-Id").isPresent()
        || message.header("List-Unsubscribe").isPresent()) {
      return Optional.of(SkipReason.MAILING_LIST);
    }
    return Optional.empty();
  }

  /** The sender's address, lower-case, if it looks like one. */
  public static Optional<String> senderOf(NylasMessage message) {
    if (message.from() == null || message.from().isEmpty()) {
      return Optional.empty();
    }
    EmailAddress from = message.from().getFirst();
    if (from.email() == null || !from.email().contains("@")) {
      return Optional.empty();
    }
    return Optional.of(from.email().trim().toLowerCase(Locale.ROOT));
  }

  private static boolean inAny(NylasMessage message, Set<String> folderIds) {
    return message.folders() != null && message.folders().stream().anyMatch(folderIds::contains);
  }
}
