package dev.tempodesk.activities.nylas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tempodesk.workflows.mail.HeaderText;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /v3/grants/{grant}/messages/send}. Null fields are left out of the JSON.
 *
 * @param body HTML unless {@code isPlaintext} is true
 * @param replyToMessageId the parent's Nylas message ID; Nylas then sets {@code In-Reply-To} and
 *     {@code References} so the reply threads
 * @param from one entry, or null for the grant's own address
 * @param attachments files to send, or null; how they travel depends on their total size ({@link
 *     NylasClient#send})
 */
public record SendMessageRequest(
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<EmailAddress> bcc,
    List<EmailAddress> replyTo,
    String subject,
    String body,
    String replyToMessageId,
    List<MessageHeader> customHeaders,
    Boolean isPlaintext,
    List<EmailAddress> from,
    Map<String, String> metadata,
    @JsonIgnore List<SendAttachment> attachments) {

  public SendMessageRequest {
    if (to == null || to.isEmpty()) {
      throw new IllegalArgumentException("to must name at least one recipient");
    }
    // Whatever was stored, a header goes out as one line: names, addresses and custom headers
    // are cleaned by their own records, the subject and the parent's id here.
    subject = HeaderText.clean(subject);
    replyToMessageId = HeaderText.clean(replyToMessageId);
  }

  /** The message without attachments (none, or sent as file parts beside it). */
  public SendMessageRequest(
      List<EmailAddress> to,
      List<EmailAddress> cc,
      List<EmailAddress> bcc,
      List<EmailAddress> replyTo,
      String subject,
      String body,
      String replyToMessageId,
      List<MessageHeader> customHeaders,
      Boolean isPlaintext,
      List<EmailAddress> from,
      Map<String, String> metadata) {
    this(
        to,
        cc,
        bcc,
        replyTo,
        subject,
        body,
        replyToMessageId,
        customHeaders,
        isPlaintext,
        from,
        metadata,
        null);
  }

  /** Total size of the attachments in bytes (before base64). */
  public long attachmentBytes() {
    return attachments == null ? 0 : attachments.stream().mapToLong(SendAttachment::size).sum();
  }

  /** This request without its attachments: the {@code message} part of a multipart send. */
  public SendMessageRequest withoutAttachments() {
    return new SendMessageRequest(
        to,
        cc,
        bcc,
        replyTo,
        subject,
        body,
        replyToMessageId,
        customHeaders,
        isPlaintext,
        from,
        metadata,
        null);
  }

  /** A reply with the common fields set. */
  public static SendMessageRequest reply(
      List<EmailAddress> to, String subject, String htmlBody, String replyToMessageId) {
    return new SendMessageRequest(
        to, null, null, null, subject, htmlBody, replyToMessageId, null, null, null, null);
  }
}
