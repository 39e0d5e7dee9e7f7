package dev.tempodesk.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.nylas.Attachment;
import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.MessageHeader;
import dev.tempodesk.activities.nylas.NylasFolder;
import dev.tempodesk.activities.nylas.NylasMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What IMAP and EWS grants return (no Auto-Submitted, no X-Autoreply: only sender, subject, folders
 * and the attachment list) must still tell machine mail from a customer's, in both directions.
 * Microsoft-style opaque folder ids, told apart by their attributes.
 */
class MailClassifierTest {
  private static final String MAILBOX = "help@acme.example";
  private static final List<NylasFolder> FOLDERS =
      List.of(
          folder("AAMkAD-inbox", "\\Inbox"),
          folder("AAMkAD-sent", "\\Sent"),
          folder("AAMkAD-drafts", "\\Drafts"),
          folder("AAMkAD-junk", "\\Junk"),
          folder("AAMkAD-deleted", "\\trash"),
          folder("AAMkAD-archive", "\\Archive"));

  private final MailClassifier classifier = new MailClassifier(MAILBOX, FOLDERS);

  private static NylasFolder folder(String id, String attribute) {
    return new NylasFolder(id, "g", "folder", id, List.of(attribute), true, null, 0, 0, 0);
  }

  private static NylasMessage message(
      String from, String subject, List<String> folders, List<String> partTypes) {
    List<Attachment> parts =
        partTypes.stream()
            .map(type -> new Attachment("a", "g", "part", type, 100L, false, null, "attachment"))
            .toList();
    return new NylasMessage(
        "m1",
        "message",
        "g",
        "t1",
        subject,
        "",
        List.of(new EmailAddress("Someone", from)),
        List.of(new EmailAddress(null, MAILBOX)),
        List.of(),
        List.of(),
        List.of(),
        1_765_000_000L,
        "body",
        folders,
        true,
        List.<MessageHeader>of(),
        parts);
  }

  private static List<String> types(String list) {
    return list == null ? List.of() : Arrays.asList(list.split(" & "));
  }

  @ParameterizedTest(name = "[{index}] {1} from {0} -> {3}")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
          MAILER-DAEMON@mx.client.example | Undelivered Mail Returned to Sender | - | BOUNCE
          postmaster@client.example | Returned mail: see transcript | - | BOUNCE
          mail-daemon@old.example | hello | - | BOUNCE
          MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@client.example | Undeliverable: Invoice | - | BOUNCE
          relay@client.example | Your message | multipart/report; report-type=delivery-status | BOUNCE
          relay@client.example | Your message | text/plain & message/delivery-status & message/rfc822 | BOUNCE
          relay@client.example | Nachricht | message/global-delivery-status | BOUNCE
          reader@client.example | Read: Invoice | multipart/report; report-type=disposition-notification | AUTO_REPLY
          reader@client.example | Gelesen: Rechnung | message/disposition-notification | AUTO_REPLY
          gw@client.example | Undeliverable: Invoice 2026-11 | - | BOUNCE
          gw@client.example | Delivery Status Notification (Failure) | - | BOUNCE
          gw@client.example | Delivery Status Notification (Delay) | - | BOUNCE
          gw@client.example | Mail delivery failed: returning message to sender | - | BOUNCE
          gw@client.example | failure notice | - | BOUNCE
          gw@client.example | Warning: could not send message for past 4 hours | - | BOUNCE
          gw@client.example | Unzustellbar: Rechnung | - | BOUNCE
          gw@client.example | Non remis : Facture | - | BOUNCE
          gw@client.example | Onbestelbaar: Factuur | - | BOUNCE
          gw@client.example | No se puede entregar: Factura | - | BOUNCE
          dana@client.example | Automatic reply: Invoice 2026-11 | - | AUTO_REPLY
          dana@client.example | Auto: Invoice | - | AUTO_REPLY
          dana@client.example | AutoReply: Invoice | - | AUTO_REPLY
          dana@client.example | Out of Office: Invoice | - | AUTO_REPLY
          dana@client.example | Out of Office AutoReply: Invoice | - | AUTO_REPLY
          dana@client.example | Out of office | - | AUTO_REPLY
          dana@client.example | Abwesenheitsnotiz: Rechnung | - | AUTO_REPLY
          dana@client.example | Automatische Antwort: Rechnung | - | AUTO_REPLY
          dana@client.example | Réponse automatique : Facture | - | AUTO_REPLY
          dana@client.example | Réponse automatique d'absence du bureau : Facture | - | AUTO_REPLY
          dana@client.example | Respuesta automática: Factura | - | AUTO_REPLY
          dana@client.example | Risposta automatica: Fattura | - | AUTO_REPLY
          dana@client.example | Automatisch antwoord: Factuur | - | AUTO_REPLY
          dana@client.example | Automatiskt svar: Faktura | - | AUTO_REPLY
          dana@client.example | 自動応答: 請求書 | - | AUTO_REPLY
          """)
  void shouldTellMachineMailFromWhatIMAPAndEWSReturn(
      String from, String subject, String parts, String reason) {
    Optional<SkipReason> skipped =
        classifier.skipReason(message(from, subject, List.of("AAMkAD-inbox"), types(parts)));

    assertThat(skipped).contains(SkipReason.valueOf(reason));
  }

  @ParameterizedTest(name = "[{index}] {1} from {0} is a customer's")
  @CsvSource(
      delimiterString = " | ",
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
          carla@client.example | Re: Out of office printer broken | -
          carla@client.example | Out of office printer broken | -
          carla@client.example | Our out-of-office replies stopped working | -
          carla@client.example | Automatic replies are sent twice | -
          carla@client.example | Auto insurance claim #5512 | -
          carla@client.example | Autorenewal failed | -
          carla@client.example | Fwd: Undeliverable: Invoice 2026-11 | -
          carla@client.example | Undeliverable package, please help | -
          carla@client.example | AW: Abwesenheitsnotiz einrichten | -
          carla@client.example | Returned goods | -
          carla@client.example | Delivery failed for order 1234 | -
          carla@client.example | Mail delivery to your team is slow | -
          carla@client.example | Failure notices from your server | -
          carla@client.example | Réponse automatiquement envoyée ? | -
          carla@client.example | Report attached | application/pdf
          carla@client.example | Forwarding the bounce I got | message/rfc822
          noreply@shop.example | Order 1234: payment failed | -
          no-reply@monitoring.example | CRITICAL: disk full on web-1 | -
          postmaster-team@client.example | Our mail server | -
          daemon.tools@client.example | Tools licence | -
          """)
  void shouldKeepCustomersMailThatOnlyLooksAutomatic(String from, String subject, String parts) {
    assertThat(classifier.skipReason(message(from, subject, List.of("AAMkAD-inbox"), types(parts))))
        .isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource({
    "AAMkAD-junk, JUNK",
    "AAMkAD-deleted, TRASH",
    "AAMkAD-drafts, DRAFT",
    "AAMkAD-sent, OWN_SENT",
  })
  void shouldSkipMailInJunkTrashDraftsAndSentByFolderAttribute(String folder, String reason) {
    NylasMessage message =
        message("carla@client.example", "Real question", List.of(folder), List.of());

    assertThat(classifier.skipReason(message)).contains(SkipReason.valueOf(reason));
    assertThat(
            classifier.skipReason(
                message(
                    "carla@client.example", "Real question", List.of("AAMkAD-archive"), List.of())))
        .as("an archived customer mail is still a customer's")
        .isEmpty();
  }
}
