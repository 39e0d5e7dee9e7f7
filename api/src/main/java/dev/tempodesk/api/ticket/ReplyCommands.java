package dev.tempodesk.api.ticket;

import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.error.ConflictException;
import dev.tempodesk.api.error.InvalidFieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.NoteRequest;
import dev.tempodesk.workflows.ticket.OutboundRef;
import dev.tempodesk.workflows.ticket.ReplyRequest;
import dev.tempodesk.workflows.ticket.ReplyResult;
import dev.tempodesk.workflows.ticket.RetryReplyRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** Replies, notes and reply retries, each applied by the ticket's workflow as an update. */
@Service
class ReplyCommands {
  private final TicketRepository tickets;
  private final OutboundMessageRepository messages;
  private final TicketWorkflowGateway workflows;
  private final Clock clock;

  ReplyCommands(
      TicketRepository tickets,
      OutboundMessageRepository messages,
      TicketWorkflowGateway workflows,
      Clock clock) {
    this.tickets = tickets;
    this.messages = messages;
    this.workflows = workflows;
    this.clock = clock;
  }

  ReplyResponse reply(long number, ReplyBody body, Actor actor) {
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
    ReplyRequest request = new ReplyRequest(actor, body.body(), body.html(), cc(body.cc()), change);
    ReplyResult result =
        apply(number, "setStatus.", () -> workflows.existing(number).reply(request));
    return new ReplyResponse(
        message(number, result.messageId()),
        TicketDto.from(tickets.findView(number).orElseThrow(), clock.instant()),
        result.changes(),
        result.autoFixes());
  }

  /** The CC entries in canonical form, each with its name: one RFC 5322 mailbox per entry. */
  private static List<String> cc(List<String> entries) {
    if (entries == null) {
      return List.of();
    }
    List<String> cc = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      cc.add(Addresses.require("cc[" + i + "]", entries.get(i)).formatted());
    }
    return cc;
  }

  MessageDto note(long number, NoteBody body, Actor actor) {
    NoteRequest request =
        new NoteRequest(actor, body.body(), body.bodyFormat() == ReplyBody.BodyFormat.HTML);
    OutboundRef note = apply(number, "", () -> workflows.existing(number).addNote(request));
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
      throw new ConflictException(
          "messageId",
          "Only a FAILED message can be sent again; this one is "
              + failed.getDeliveryStatus()
              + ".");
    }
    RetryReplyRequest request = new RetryReplyRequest(actor, messageId.toString());
    apply(number, "", () -> workflows.existing(number).retryReply(request));
    return message(number, messageId.toString());
  }

  private <T> T apply(long number, String fieldPrefix, Supplier<T> update) {
    if (tickets.find(number).isEmpty()) {
      throw new NotFoundException("There is no ticket #" + number + ".");
    }
    try {
      return update.get();
    } catch (WorkflowUpdateException rejected) {
      RuntimeException translated = TicketCommands.translate(rejected);
      if (translated instanceof InvalidFieldException invalid && !fieldPrefix.isEmpty()) {
        String field = invalid.field();
        throw new InvalidFieldException(
            field.equals("body") ? field : fieldPrefix + field, invalid.getMessage());
      }
      throw translated;
    } catch (WorkflowNotFoundException finished) {
      throw new ConflictException(
          "number", "Ticket #" + number + " is closed for good and can no longer change.");
    }
  }

  private MessageDto message(long number, String id) {
    return MessageDto.from(messages.find(number, UUID.fromString(id)).orElseThrow());
  }
}
