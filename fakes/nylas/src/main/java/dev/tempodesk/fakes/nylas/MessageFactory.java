package dev.tempodesk.fakes.nylas;

import dev.tempodesk.fakes.nylas.FakeMessage.Attachment;
import dev.tempodesk.fakes.nylas.FakeMessage.Header;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Numbers messages and threads across all grants and derives the threading headers. */
final class MessageFactory {
  private static final Set<String> THREADING_HEADERS =
      Set.of("message-id", "in-reply-to", "references");

  private static final java.util.regex.Pattern MESSAGE_IDS =
      java.util.regex.Pattern.compile("<[^<>\\s]+>");

  private final AtomicLong messageSeq = new AtomicLong();
  private final AtomicLong threadSeq = new AtomicLong();
  private volatile String idPrefix = "msg-";
  private volatile String namespace = "";

  void idPrefix(String prefix) {
    this.idPrefix = prefix;
  }

  /** Makes message, thread and Message-ID values unique to this mailbox's life (see caller). */
  void namespace(String namespace) {
    this.namespace = namespace;
  }

  /** What {@code POST /messages/send} asked for, already validated. */
  record Outbound(
      String fromName,
      List<Participant> to,
      List<Participant> cc,
      List<Participant> bcc,
      List<Participant> replyTo,
      String subject,
      String body,
      String replyToMessageId,
      List<Header> customHeaders) {}

  FakeMessage inbound(FakeMailbox box, InboundEmail mail, long date, String folderId) {
    List<Participant> to =
        mail.to() == null
            ? List.of(new Participant(null, box.email()))
            : Arrays.stream(mail.to().split(",")).map(Participant::parse).toList();
    List<Header> extra = new ArrayList<>();
    mail.extraHeaders().forEach((name, value) -> extra.add(new Header(name, value)));
    return build(
        box,
        mail.inReplyToProviderId(),
        new Participant(mail.fromName(), mail.fromEmail()),
        to,
        List.of(),
        List.of(),
        List.of(),
        mail.subject(),
        mail.textOrHtml(),
        date,
        List.of(folderId, FakeMailbox.UNREAD),
        true,
        extra,
        mail.attachments());
  }

  /**
   * A raw RFC 5322 mail as the provider delivered it: its own headers as written (no Message-ID is
   * made up for a mail without one), threaded into the thread of the message its In-Reply-To or
   * References name, if the mailbox has it.
   */
  FakeMessage inboundRaw(FakeMailbox box, byte[] rfc822, long date) {
    long seq = messageSeq.incrementAndGet();
    String id = idPrefix + namespace + seq;
    RawMail.Parsed mail = RawMail.parse(rfc822, "att-" + namespace + seq);
    mail.contents().forEach(box::putContent);
    Optional<FakeMessage> parent = Optional.empty();
    List<String> targets = new ArrayList<>();
    for (String name : List.of("In-Reply-To", "References")) {
      mail.headers().stream()
          .filter(h -> h.name().equalsIgnoreCase(name))
          .forEach(
              h ->
                  targets.addAll(
                      MESSAGE_IDS
                          .matcher(h.value())
                          .results()
                          .map(java.util.regex.MatchResult::group)
                          .toList()));
    }
    for (String target : targets) {
      parent = box.find(target);
      if (parent.isPresent()) {
        break;
      }
    }
    String threadId =
        parent
            .map(FakeMessage::threadId)
            .orElseGet(() -> "thr-" + namespace + threadSeq.incrementAndGet());
    return new FakeMessage(
        seq,
        id,
        box.grantId(),
        threadId,
        mail.subject(),
        mail.from(),
        mail.to(),
        mail.cc(),
        mail.bcc(),
        mail.replyTo(),
        date,
        mail.body(),
        List.of(FakeMailbox.INBOX, FakeMailbox.UNREAD),
        true,
        mail.headers(),
        mail.attachments());
  }

  FakeMessage draft(
      FakeMailbox box, String to, String subject, String body, String inReplyTo, long date) {
    return build(
        box,
        inReplyTo,
        new Participant(null, box.email()),
        List.of(Participant.parse(to)),
        List.of(),
        List.of(),
        List.of(),
        subject,
        body,
        date,
        List.of(FakeMailbox.DRAFTS),
        false,
        List.of(),
        List.of());
  }

  FakeMessage outbound(FakeMailbox box, Outbound out, long date) {
    return build(
        box,
        out.replyToMessageId(),
        new Participant(out.fromName(), box.email()),
        out.to(),
        out.cc(),
        out.bcc(),
        out.replyTo(),
        out.subject(),
        out.body(),
        date,
        List.of(FakeMailbox.SENT),
        false,
        out.customHeaders(),
        List.of());
  }

  private FakeMessage build(
      FakeMailbox box,
      String replyTarget,
      Participant from,
      List<Participant> to,
      List<Participant> cc,
      List<Participant> bcc,
      List<Participant> replyTo,
      String subject,
      String body,
      long date,
      List<String> folders,
      boolean unread,
      List<Header> extraHeaders,
      List<InboundFile> files) {
    long seq = messageSeq.incrementAndGet();
    List<Attachment> attachments = new ArrayList<>();
    for (InboundFile file : files) {
      String id = "att-" + namespace + seq + "-" + (attachments.size() + 1);
      box.putContent(id, file.content());
      attachments.add(
          new Attachment(
              id,
              file.filename(),
              file.contentType(),
              file.content().length,
              file.inline(),
              file.contentId(),
              file.inline() ? "inline" : "attachment"));
    }
    Optional<FakeMessage> parent = box.find(replyTarget);
    String threadId =
        parent
            .map(FakeMessage::threadId)
            .orElseGet(() -> "thr-" + namespace + threadSeq.incrementAndGet());
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Message-ID", "<msg-" + namespace + seq + "@fake.nylas>"));
    if (replyTarget != null) {
      String parentMessageId =
          parent.map(FakeMessage::messageIdHeader).orElse(angleBracketed(replyTarget));
      String parentReferences = parent.map(p -> p.header("References")).orElse(null);
      headers.add(new Header("In-Reply-To", parentMessageId));
      headers.add(
          new Header(
              "References",
              parentReferences == null
                  ? parentMessageId
                  : parentReferences + " " + parentMessageId));
    }
    for (Header extra : extraHeaders) {
      if (THREADING_HEADERS.contains(extra.name().toLowerCase(Locale.ROOT))) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(extra.name()));
      }
      headers.add(extra);
    }
    return new FakeMessage(
        seq,
        idPrefix + namespace + seq,
        box.grantId(),
        threadId,
        subject == null ? "" : subject,
        List.of(from),
        to,
        cc,
        bcc,
        replyTo,
        date,
        body == null ? "" : body,
        folders,
        unread,
        headers,
        attachments);
  }

  private static String angleBracketed(String id) {
    return id.startsWith("<") ? id : "<" + id + ">";
  }
}
