package dev.tempodesk.activities.nylas;

import dev.tempodesk.workflows.mail.HeaderText;
import java.util.List;
import java.util.Optional;

/**
 * A Nylas message. {@code date} is the Unix second the mail server received it. List fields are
 * never null; {@code headers} is empty unless requested with {@code fields=include_headers}.
 */
public record NylasMessage(
    String id,
    String object,
    String grantId,
    String threadId,
    String subject,
    String snippet,
    List<EmailAddress> from,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<EmailAddress> bcc,
    List<EmailAddress> replyTo,
    Long date,
    String body,
    List<String> folders,
    Boolean unread,
    List<MessageHeader> headers,
    List<Attachment> attachments) {

  public NylasMessage {
    subject = HeaderText.clean(subject); // a header: one line, no control characters
    snippet = Texts.storable(snippet);
    body = Texts.storable(body);
    from = Lists.copy(from);
    to = Lists.copy(to);
    cc = Lists.copy(cc);
    bcc = Lists.copy(bcc);
    replyTo = Lists.copy(replyTo);
    folders = Lists.copy(folders);
    headers = Lists.copy(headers);
    attachments = Lists.copy(attachments);
  }

  /** The first header with this name, compared case-insensitively (providers vary the case). */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> name.equalsIgnoreCase(h.name()))
        .map(MessageHeader::value)
        .findFirst();
  }

  /** Every value of a repeated header (e.g. {@code Received}), in message order. */
  public List<String> headers(String name) {
    return headers.stream()
        .filter(h -> name.equalsIgnoreCase(h.name()))
        .map(MessageHeader::value)
        .toList();
  }
}
