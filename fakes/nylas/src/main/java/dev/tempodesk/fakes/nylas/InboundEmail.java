package dev.tempodesk.fakes.nylas;

import java.util.List;
import java.util.Map;

/**
 * A mail arriving in a fake mailbox.
 *
 * @param to the recipients, comma-separated {@code "addr"} or {@code "Name <addr>"}; null means the
 *     grant's address
 * @param textOrHtml becomes the message {@code body} as is
 * @param inReplyToProviderId Nylas id or {@code Message-ID} header of the message replied to, or
 *     null; a known one puts the mail into that message's thread
 * @param extraHeaders added to the headers; a name equal (ignoring case) to {@code Message-ID},
 *     {@code In-Reply-To} or {@code References} replaces the generated header
 * @param attachments files the mail carries, listed on the message and served for download
 */
public record InboundEmail(
    String fromName,
    String fromEmail,
    String to,
    String subject,
    String textOrHtml,
    String inReplyToProviderId,
    Map<String, String> extraHeaders,
    List<InboundFile> attachments) {

  public InboundEmail {
    extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A mail without attachments. */
  public InboundEmail(
      String fromName,
      String fromEmail,
      String to,
      String subject,
      String textOrHtml,
      String inReplyToProviderId,
      Map<String, String> extraHeaders) {
    this(fromName, fromEmail, to, subject, textOrHtml, inReplyToProviderId, extraHeaders, null);
  }

  /** The same mail carrying these files. */
  public InboundEmail withAttachments(List<InboundFile> files) {
    return new InboundEmail(
        fromName, fromEmail, to, subject, textOrHtml, inReplyToProviderId, extraHeaders, files);
  }

  /** A new conversation without extra headers. */
  public static InboundEmail of(String fromName, String fromEmail, String subject, String body) {
    return new InboundEmail(fromName, fromEmail, null, subject, body, null, Map.of());
  }

  /** A reply to an earlier message, by its Nylas id or Message-ID header. */
  public static InboundEmail replyTo(
      String inReplyToProviderId, String fromName, String fromEmail, String subject, String body) {
    return new InboundEmail(
        fromName, fromEmail, null, subject, body, inReplyToProviderId, Map.of());
  }
}
