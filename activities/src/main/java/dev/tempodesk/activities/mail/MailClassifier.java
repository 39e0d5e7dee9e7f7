package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.NylasFolder;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.workflows.mail.MailAddress;
import dev.tempodesk.workflows.mail.MailAddresses;
import dev.tempodesk.workflows.mail.ParsedAddress;
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
 * Google. Addresses are compared in the canonical form of {@link MailAddresses}.
 */
public final class MailClassifier {
  private final String mailboxAddress;
  private final Set<String> draftFolderIds;
  private final Set<String> sentFolderIds;
  private final Set<String> junkFolderIds;
  private final Set<String> trashFolderIds;

  public MailClassifier(String mailboxAddress, List<NylasFolder> folders) {
    this.mailboxAddress =
        MailAddresses.parse(mailboxAddress)
            .toOptional()
            .map(MailAddress::address)
            .orElse(mailboxAddress.toLowerCase(Locale.ROOT));
    this.draftFolderIds = folderIds(folders, "\\Drafts");
    this.sentFolderIds = folderIds(folders, "\\Sent");
    this.junkFolderIds = folderIds(folders, "\\Junk");
    this.trashFolderIds = folderIds(folders, "\\Trash");
  }

  /**
   * Why this message does not become part of a ticket, if it does not. Mail from nobody usable (see
   * {@link #sender}) that is not recognisably machine mail throws {@link
   * UnattributableMessageException}: it is neither skipped silently nor stored.
   */
  public Optional<SkipReason> skipReason(NylasMessage message) {
    if (!"message".equals(message.object()) || inAny(message, draftFolderIds)) {
      return Optional.of(SkipReason.DRAFT);
    }
    Optional<MailAddress> sender = sender(message);
    if (inAny(message, sentFolderIds)
        || sender.map(s -> s.address().equals(mailboxAddress)).orElse(false)) {
      return Optional.of(SkipReason.OWN_SENT);
    }
    if (inAny(message, junkFolderIds)) {
      return Optional.of(SkipReason.JUNK);
    }
    if (inAny(message, trashFolderIds)) {
      return Optional.of(SkipReason.TRASH);
    }
    Optional<SkipReason> machine =
        MachineMailSigns.of(message, sender.map(MailAddress::address).orElse(null));
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
    if (sender.isEmpty()) {
      throw UnattributableMessageException.of(message);
    }
    return Optional.empty();
  }

  /**
   * Who wrote the message (docs/architecture.md, "Who sent a mail"): the first valid address of
   * {@code From} (several entries, or several addresses in one entry, are read in order); else the
   * first of {@code Reply-To}; else the {@code Sender} header when the provider returned headers.
   * The display name comes with the address that was chosen.
   */
  public static Optional<MailAddress> sender(NylasMessage message) {
    return firstValid(message.from())
        .or(() -> firstValid(message.replyTo()))
        .or(
            () ->
                message.header("Sender").stream()
                    .flatMap(value -> MailAddresses.parseList(value).stream())
                    .filter(ParsedAddress::isValid)
                    .map(ParsedAddress::address)
                    .findFirst());
  }

  /** The canonical address of {@link #sender}, if there is one. */
  public static Optional<String> senderOf(NylasMessage message) {
    return sender(message).map(MailAddress::address);
  }

  /** {@link #sender}, or {@link UnattributableMessageException} naming what was given. */
  public static MailAddress requireSender(NylasMessage message) {
    return sender(message).orElseThrow(() -> UnattributableMessageException.of(message));
  }

  private static Optional<MailAddress> firstValid(List<EmailAddress> participants) {
    return participants.stream()
        .flatMap(p -> MailAddresses.participant(p.name(), p.email()).stream())
        .filter(ParsedAddress::isValid)
        .map(ParsedAddress::address)
        .findFirst();
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
