package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.mail.MailHtml;
import dev.tempodesk.api.attachment.FileUploads;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.signature.Signatures;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AttachedFile;
import dev.tempodesk.workflows.ticket.NoteRequest;
import dev.tempodesk.workflows.ticket.OutboundRef;
import dev.tempodesk.workflows.ticket.ReplyRequest;
import dev.tempodesk.workflows.ticket.ReplyResult;
import dev.tempodesk.workflows.ticket.RetryReplyRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/** Replies, notes and reply retries, each applied by the ticket's workflow as an update. */
@Service
class ReplyCommands {
  private final TicketRepository tickets;
  private final OutboundMessageRepository messages;
  private final TicketWorkflowCalls calls;
  private final FileUploads uploads;
  private final Signatures signatures;
  private final Clock clock;
  private final ReplyCollisions collisions;

  ReplyCommands(
      TicketRepository tickets,
      OutboundMessageRepository messages,
      TicketWorkflowCalls calls,
      FileUploads uploads,
      Signatures signatures,
      Clock clock,
      ReplyCollisions collisions) {
    this.tickets = tickets;
    this.messages = messages;
    this.calls = calls;
    this.uploads = uploads;
    this.signatures = signatures;
    this.clock = clock;
    this.collisions = collisions;
  }

  /**
   * Queues a reply with its files: they are checked and stored first, and the workflow writes them
   * with the message in one transaction (see OutboundMailActivities#store). The agent's signature
   * and the mailbox's footer are appended here, unless {@code signature} is false, so what is
   * stored is what is sent.
   */
  ReplyResponse reply(long number, ReplyBody body, Actor actor, List<MultipartFile> files) {
    return reply(number, body, actor, files, Map.of());
  }

  /**
   * A reply whose files named in {@code inline} (file name → content id) are inline images; each
   * must be referenced by the HTML body as {@code cid:…}, else refused naming {@code inline}.
   */
  ReplyResponse reply(
      long number,
      ReplyBody body,
      Actor actor,
      List<MultipartFile> files,
      Map<String, String> inline) {
    ReplyBody.StatusOnReply status = body.setStatus();
    TicketUpdateRequest change =
        status == null
            ? null
            : TicketUpdateRequest.by(actor, status.comment())
                .status(status.status())
                .pendingReason(status.pendingReason())
                .pendingFor(status.pendingFor())
                .resolution(status.resolution())
                .build();
    List<String> cc = addresses("cc", body.cc());
    List<String> bcc = addresses("bcc", body.bcc());
    String own = sanitized(body.body(), body.html());
    referenced(inline, own, body.html());
    TicketView ticket =
        tickets
            .findView(number)
            .orElseThrow(() -> TicketRefusals.noSuchTicket(number)); // before any file is stored
    collisions.check(number, body, actor); // 409 if another agent replied since seenUpTo
    String text =
        Boolean.FALSE.equals(body.signature())
            ? own
            : signatures.appendTo(own, body.html(), ticket, actor);
    List<AttachedFile> attached = uploads.keep(files, true, inline);
    ReplyRequest request =
        new ReplyRequest(
            actor, text, body.html(), cc, change, attached, bcc.isEmpty() ? null : bcc);
    // The status change's fields are nested under setStatus; the reply's own body is not.
    ReplyResult result =
        calls.update(
            number,
            field -> field.equals("body") ? field : "setStatus." + field,
            workflow -> workflow.reply(request));
    return new ReplyResponse(
        message(number, result.messageId()),
        TicketDto.from(tickets.findView(number).orElseThrow(), clock.instant()),
        result.changes(),
        result.autoFixes());
  }

  /**
   * The CC or BCC entries in canonical form, each with its name: one RFC 5322 mailbox per entry; a
   * bad one is refused naming it ({@code cc[1]}, {@code bcc[0]}).
   */
  private static List<String> addresses(String field, List<String> entries) {
    if (entries == null) {
      return List.of();
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      list.add(Addresses.require(field + "[" + i + "]", entries.get(i)).formatted());
    }
    return list;
  }

  /** Every inline content id appears in the (sanitized) HTML body as an image source. */
  private static void referenced(Map<String, String> inline, String body, boolean html) {
    if (inline == null) {
      return;
    }
    inline.forEach(
        (name, id) -> {
          if (!html || id == null || !body.contains("\"cid:" + id + "\"")) {
            throw FieldException.invalid(
                "inline", "The HTML body shows no image cid:" + id + " for " + name + ".");
          }
        });
  }

  /**
   * An HTML body as it will be stored and mailed ({@link MailHtml#sanitize}); refused naming {@code
   * body} when nothing visible is left. Plain text stays as written.
   */
  private static String sanitized(String body, boolean html) {
    if (!html) {
      return body;
    }
    String clean = MailHtml.sanitize(body);
    if (MailHtml.isBlank(clean)) {
      throw FieldException.invalid(
          "body", "Nothing is left to send once scripts and unsupported markup are removed.");
    }
    return clean;
  }

  MessageDto note(long number, NoteBody body, Actor actor, List<MultipartFile> files) {
    if (tickets.find(number).isEmpty()) {
      throw TicketRefusals.noSuchTicket(number);
    }
    boolean html = body.bodyFormat() == ReplyBody.BodyFormat.HTML;
    String text = sanitized(body.body(), html);
    NoteRequest request = new NoteRequest(actor, text, html, uploads.keep(files, false));
    OutboundRef note = calls.update(number, workflow -> workflow.addNote(request));
    return message(number, note.messageId());
  }

  MessageDto retry(long number, UUID messageId, Actor actor) {
    var failed =
        messages
            .find(number, messageId)
            .filter(row -> "OUTBOUND".equals(row.getDirection()))
            .filter(row -> "PUBLIC".equals(row.getVisibility()))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Ticket #" + number + " has no outgoing message " + messageId + "."));
    if (!OutboundMessageRepository.FAILED.equals(failed.getDeliveryStatus())) {
      throw FieldException.conflict(
          "messageId",
          "Only a FAILED message can be sent again; this one is "
              + failed.getDeliveryStatus()
              + ".");
    }
    RetryReplyRequest request = new RetryReplyRequest(actor, messageId.toString());
    calls.update(number, workflow -> workflow.retryReply(request));
    return message(number, messageId.toString());
  }

  private MessageDto message(long number, String id) {
    return MessageDto.from(messages.find(number, UUID.fromString(id)).orElseThrow());
  }
}
