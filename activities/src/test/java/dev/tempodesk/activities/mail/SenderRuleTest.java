package dev.tempodesk.activities.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.activities.nylas.EmailAddress;
import dev.tempodesk.activities.nylas.MessageHeader;
import dev.tempodesk.activities.nylas.NylasMessage;
import dev.tempodesk.workflows.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sender rule (docs/architecture.md, "Who sent a mail") and the classifier's decisions on the
 * parsed sender, with the participants real providers return.
 */
class SenderRuleTest {
  private final MailClassifier classifier =
      new MailClassifier("Support@Tempodesk.Example", List.of());

  @Test
  void theFirstValidAddressOfFromWinsWithItsName() {
    NylasMessage several =
        message(
            List.of(
                new EmailAddress("Nobody", ""),
                new EmailAddress("Broken", "q z@example.org"),
                new EmailAddress("=?UTF-8?Q?J=C3=B6rg?=", "\"Q Z\"@Example.ORG."),
                new EmailAddress("Second", "second@example.org")),
            List.of(),
            List.of());

    assertThat(MailClassifier.sender(several))
        .contains(new MailAddress("\"q z\"@example.org", "Jörg"));
    assertThat(classifier.skipReason(several)).isEmpty();
  }

  @Test
  void aNameAndAddressInTheEmailFieldAreReadApart() {
    NylasMessage message =
        message(
            List.of(new EmailAddress(null, "Jane Doe <Jane@Bücher.example>")),
            List.of(),
            List.of());

    assertThat(MailClassifier.sender(message))
        .contains(new MailAddress("jane@xn--bcher-kva.example", "Jane Doe"));
  }

  @Test
  void withoutAUsableFromReplyToAndThenTheSenderHeaderAreUsed() {
    NylasMessage replyTo =
        message(
            List.of(new EmailAddress("Only a name", null)),
            List.of(new EmailAddress("Desk", "desk@example.org")),
            List.of(new MessageHeader("Sender", "relay@example.org")));
    NylasMessage senderHeader =
        message(
            List.of(new EmailAddress(null, "undisclosed-recipients:;")),
            List.of(),
            List.of(new MessageHeader("Sender", "Relay (the list) <Relay@Example.org>")));

    assertThat(MailClassifier.sender(replyTo))
        .contains(new MailAddress("desk@example.org", "Desk"));
    assertThat(MailClassifier.sender(senderHeader))
        .contains(new MailAddress("relay@example.org", "Relay"));
  }

  @Test
  void mailFromNobodyIsRefusedNamingWhatWasGiven() {
    NylasMessage nobody =
        message(
            List.of(new EmailAddress("Jane Doe", ""), new EmailAddress(null, "\"q z@example.org")),
            List.of(new EmailAddress(null, "not an address")),
            List.of());

    assertThatThrownBy(() -> classifier.skipReason(nobody))
        .isInstanceOf(UnattributableMessageException.class)
        .hasMessage(
            "no usable sender address: from=[Jane Doe \"\" (a display name only, no address),"
                + " \"\\\"q z@example.org\" (unbalanced quotes: a quoted string is not closed)],"
                + " reply_to=[\"not an address\" (no '@': a display name only, no address)],"
                + " sender=[]");
    assertThatThrownBy(() -> MailClassifier.requireSender(nobody))
        .isInstanceOf(UnattributableMessageException.class);
  }

  @Test
  void machineMailWithoutASenderIsSkippedForWhatItIs() {
    NylasMessage autoReply =
        message(List.of(), List.of(), List.of(new MessageHeader("Auto-Submitted", "auto-replied")));
    NylasMessage newsletter =
        message(
            List.of(new EmailAddress("News", "")),
            List.of(),
            List.of(new MessageHeader("List-Id", "<news.example.org>")));

    assertThat(classifier.skipReason(autoReply)).contains(SkipReason.AUTO_REPLY);
    assertThat(classifier.skipReason(newsletter)).contains(SkipReason.MAILING_LIST);
  }

  @Test
  void ownAndBounceSendersAreRecognisedInAnyWriting() {
    NylasMessage own =
        message(
            List.of(new EmailAddress("Us", "<SUPPORT@tempodesk.example.>")), List.of(), List.of());
    NylasMessage bounce =
        message(
            List.of(new EmailAddress("Mail Delivery", "\"MAILER-DAEMON\"@mx.example.org")),
            List.of(),
            List.of());

    assertThat(classifier.skipReason(own)).contains(SkipReason.OWN_SENT);
    assertThat(classifier.skipReason(bounce)).contains(SkipReason.BOUNCE);
    assertThat(MailClassifier.senderOf(bounce)).contains("mailer-daemon@mx.example.org");
  }

  private static NylasMessage message(
      List<EmailAddress> from, List<EmailAddress> replyTo, List<MessageHeader> headers) {
    return new NylasMessage(
        "msg-1",
        "message",
        "grant",
        "thread-1",
        "Subject",
        "",
        new ArrayList<>(from),
        List.of(),
        List.of(),
        List.of(),
        new ArrayList<>(replyTo),
        1_700_000_000L,
        "body",
        List.of("inbox"),
        true,
        headers,
        List.of());
  }
}
