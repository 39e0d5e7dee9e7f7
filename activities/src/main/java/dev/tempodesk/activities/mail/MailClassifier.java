package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasFolder;
import dev.tempodesk.activities.nylas.NylasMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which mailbox messages must not reach a ticket: drafts, mail we sent ourselves, mail in
 * the Junk and Trash folders, and machine-written mail whose answer would start a mail loop (RFC
 * 3834 Auto-Submitted, the common X-Autoreply headers, Precedence bulk/junk/list, list headers,
 * bounces and auto-replies told by sender, report parts or subject: {@link MachineMailSigns}).
 * Folders are told by their attributes ({@code GET /folders}), since their ids are opaque outside
 * Google.
 */
public final class MailClassifier {
  private final String mailboxAddress;
  private final Set<String> draftFolderIds;
  private final Set<String> sentFolderIds;
  private final Set<String> junkFolderIds;
  private final Set<String> trashFolderIds;

  public MailClassifier(String mailboxAddress, List<NylasFolder> folders) {
    this.mailboxAddress = mailboxAddress.toLowerCase(Locale.ROOT);
    this.draftFolderIds = folderIds(folders, "\\Drafts");
    this.sentFolderIds = folderIds(folders, "\\Sent");
    this.junkFolderIds = folderIds(folders, "\\Junk");
    this.trashFolderIds = folderIds(folders, "\\Trash");
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
    if (inAny(message, junkFolderIds)) {
      return Optional.of(SkipReason.JUNK);
    }
    if (inAny(message, trashFolderIds)) {
      return Optional.of(SkipReason.TRASH);
    }
    Optional<SkipReason> machine = MachineMailSigns.of(message, sender);
    if (machine.isPresent()) {
      return machine;
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

  private static Set<String> folderIds(List<NylasFolder> folders, String attribute) {
    return folders.stream()
        .filter(folder -> folder.hasAttribute(attribute))
        .map(NylasFolder::id)
        .collect(Collectors.toSet());
  }

  private static boolean inAny(NylasMessage message, Set<String> folderIds) {
    return message.folders() != null && message.folders().stream().anyMatch(folderIds::contains);
  }
}
