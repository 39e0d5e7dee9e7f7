package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.Attachment;
import dev.tempodesk.activities.nylas.NylasMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bounces and automatic replies recognised from what every provider returns, not only from headers:
 * IMAP and EWS grants list few headers (often no {@code Auto-Submitted} or {@code X-Autoreply}), so
 * the sender, the report parts listed as attachments and well-known subjects count too.
 *
 * <p>Subjects match only at their very start and only as the whole prefix a mail system writes
 * ("Automatic reply:", "Undeliverable:", "Delivery Status Notification (Failure)"), so a person's
 * "Re: Out of office printer broken", "Out of office printer broken" or "Fwd: Undeliverable: …" (a
 * customer forwarding a bounce to us) stays a customer's mail. No-reply senders are not skipped for
 * their address alone: notifications from systems (monitoring alerts, shop orders) are often what a
 * ticket is for, and they do not answer our mail, so they cannot loop; their tickets get no
 * acknowledgement ({@link #isNoReplyAddress}), which nobody would read.
 */
public final class MachineMailSigns {
  /** Local parts that only mail systems send bounces from. */
  private static final Set<String> BOUNCE_SENDERS =
      Set.of("mailer-daemon", "mailerdaemon", "mail-daemon", "maildaemon", "postmaster");

  /** Local parts of addresses that say nobody reads what is sent to them. */
  private static final Pattern NO_REPLY =
      Pattern.compile(
          "^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|no[-_.]?response)(?:[-_.+].*)?$",
          Pattern.CASE_INSENSITIVE);

  /** Exchange Online's and Exchange Server's system mailbox, the sender of their NDRs. */
  private static final String EXCHANGE_SYSTEM_SENDER =
      "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e";

  /** RFC 3464/6522 report parts of a delivery status notification. */
  private static final Set<String> BOUNCE_PARTS =
      Set.of("message/delivery-status", "message/global-delivery-status");

  /** RFC 8098 read receipts: machine-written, never a customer's words. */
  private static final Set<String> RECEIPT_PARTS =
      Set.of("message/disposition-notification", "message/global-disposition-notification");

  /** Ends a subject prefix: a colon (French typography puts a space before it) or the end. */
  private static final String END = "\\s*(?::|$)";

  private static final Pattern AUTO_REPLY_SUBJECT =
      subjects(
          List.of(
              // English (Outlook, Exchange, Gmail vacation responders, Lotus, Zimbra)
              "automatic reply",
              "auto reply",
              "auto-reply",
              "autoreply",
              "auto",
              "auto response",
              "auto-response",
              "automatic response",
              "automated response",
              "out of (?:the )?office(?: autoreply| auto-reply)?",
              "ooo",
              "vacation reply",
              // German
              "automatische antwort",
              "abwesenheitsnotiz",
              "abwesenheitsmeldung",
              "abwesend",
              "autom\\. antwort",
              // French
              "réponse automatique(?: d['’]absence du bureau)?",
              "absence du bureau",
              "absent du bureau",
              // Spanish, Italian, Portuguese
              "respuesta automática",
              "fuera de la oficina",
              "risposta automatica",
              "fuori sede",
              "fuori ufficio",
              "resposta automática",
              "fora do escritório",
              // Dutch, Scandinavian, Finnish, Polish, Czech, Russian
              "automatisch antwoord",
              "afwezig",
              "automatiskt svar",
              "automatisk svar",
              "automatisk besvarelse",
              "automaattinen vastaus",
              "automatyczna odpowiedź",
              "automatická odpověď",
              "автоматический ответ",
              // Japanese, Chinese
              "自動応答",
              "自動返信",
              "自动回复",
              "自動回覆"));

  private static final Pattern BOUNCE_SUBJECT =
      subjects(
          List.of(
              // Exchange / Outlook NDRs
              "undeliverable",
              "non remis",
              "unzustellbar",
              "nicht zustellbar",
              "onbestelbaar",
              "no se puede entregar",
              "non recapitabile",
              "não é possível entregar",
              "olevererbart",
              "kan ikke leveres",
              "niedostarczalne",
              "недоставляемое сообщение",
              "delivery has failed",
              // Gmail, Postfix, Exim, Sendmail, qmail, others
              "delivery status notification(?: \\((?:failure|delay|success)\\))?",
              "undelivered mail returned to sender",
              "undelivered mail",
              "mail delivery failed",
              "mail delivery failure",
              "returned mail",
              "failure notice",
              "message not delivered",
              "nondeliverable mail",
              "mail system error - returned mail",
              "warning: could not send message for past \\d+ hours?",
              "warning: message .* delayed .*",
              "zustellung fehlgeschlagen",
              "fehler bei der zustellung",
              "échec de la remise",
              "notification d['’]état de la remise"));

  private MachineMailSigns() {}

  /**
   * BOUNCE or AUTO_REPLY when the sender (canonical, null when the mail has none), the listed parts
   * or the subject give it away.
   */
  static Optional<SkipReason> of(NylasMessage message, String sender) {
    String localPart = sender == null ? "" : sender.substring(0, sender.lastIndexOf('@'));
    if (BOUNCE_SENDERS.contains(localPart) || localPart.startsWith(EXCHANGE_SYSTEM_SENDER)) {
      return Optional.of(SkipReason.BOUNCE);
    }
    for (Attachment part : message.attachments()) {
      String type = mediaType(part.contentType());
      if (type.equals("multipart/report")) {
        // report-type=delivery-status (a bounce) or disposition-notification (a read receipt)
        return Optional.of(isReceipt(part) ? SkipReason.AUTO_REPLY : SkipReason.BOUNCE);
      }
      if (BOUNCE_PARTS.contains(type)) {
        return Optional.of(SkipReason.BOUNCE);
      }
      if (RECEIPT_PARTS.contains(type)) {
        return Optional.of(SkipReason.AUTO_REPLY);
      }
    }
    String subject = message.subject() == null ? "" : message.subject().strip();
    if (BOUNCE_SUBJECT.matcher(subject).find()) {
      return Optional.of(SkipReason.BOUNCE);
    }
    if (AUTO_REPLY_SUBJECT.matcher(subject).find()) {
      return Optional.of(SkipReason.AUTO_REPLY);
    }
    return Optional.empty();
  }

  /**
   * Whether nobody reads mail sent to this address: {@code noreply@}, {@code no-reply@}, {@code
   * donotreply@}, {@code do-not-reply@} and the like, and the mail systems' own senders.
   */
  public static boolean isNoReplyAddress(String address) {
    if (address == null || address.lastIndexOf('@') < 1) {
      return false;
    }
    String localPart = address.substring(0, address.lastIndexOf('@')).toLowerCase(Locale.ROOT);
    return NO_REPLY.matcher(localPart).matches()
        || BOUNCE_SENDERS.contains(localPart)
        || localPart.startsWith(EXCHANGE_SYSTEM_SENDER);
  }

  private static boolean isReceipt(Attachment part) {
    return part.contentType().toLowerCase(Locale.ROOT).contains("disposition-notification");
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static Pattern subjects(List<String> prefixes) {
    return Pattern.compile(
        "^(?:" + String.join("|", prefixes) + ")" + END,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
