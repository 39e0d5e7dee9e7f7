package dev.tempodesk.fakes.nylas;

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
 */
public record InboundEmail(
    String fromName,
    String fromEmail,
    String to,
    String subject,
    String textOrHtml,
    String inReplyToProviderId,
    Map<String, String> extraHeaders) {

  public InboundEmail {
    extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
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
