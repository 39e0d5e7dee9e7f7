package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.workflows.ticket.Actor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Two agents answering the customer at once (issue 20): a reply whose writer had seen the thread up
 * to {@code seenUpTo} is refused with 409 {@code reply-collision} when another agent's reply was
 * stored after that message, unless {@code sendAnyway}; the problem carries the newer replies so
 * the writer can read them before deciding.
 */
@Component
class ReplyCollisions {
  /** How many newer replies the problem shows at most. */
  static final int SHOWN = 5;

  static final int EXCERPT = 280;

  private final OutboundMessageRepository thread;
  private final MessageRepository messages;
  private final AgentRepository agents;

  ReplyCollisions(
      OutboundMessageRepository thread, MessageRepository messages, AgentRepository agents) {
    this.thread = thread;
    this.messages = messages;
    this.agents = agents;
  }

  /** A reply another agent sent since the writer's {@code seenUpTo}. */
  @Schema(description = "A reply another agent sent after the one the writer had seen")
  public record NewerReply(
      UUID id,
      Long authorAgentId,
      String authorName,
      OffsetDateTime occurredAt,
      String deliveryStatus,
      @Schema(description = "The start of the reply's text") String excerpt) {}

  /** Refuses the reply when another agent replied since {@code seenUpTo}; no check without it. */
  void check(long number, ReplyBody body, Actor actor) {
    if (body.seenUpTo() == null
        || Boolean.TRUE.equals(body.sendAnyway())
        || actor.kind() != Actor.Kind.AGENT) {
      return;
    }
    MessagesRecord seen =
        thread
            .find(number, body.seenUpTo())
            .orElseThrow(
                () ->
                    FieldException.invalid(
                        "seenUpTo",
                        "Ticket #" + number + " has no message " + body.seenUpTo() + "."));
    List<NewerReply> newer =
        messages.repliesByOthersStoredAfter(number, seen.getCreatedAt(), actor.id(), SHOWN).stream()
            .map(this::newerReply)
            .toList();
    if (!newer.isEmpty()) {
      throw collision(newer);
    }
  }

  private NewerReply newerReply(MessagesRecord reply) {
    String author =
        agents
            .find(reply.getAuthorAgentId())
            .map(AgentsRecord::getDisplayName)
            .orElse("Another agent");
    return new NewerReply(
        reply.getId(),
        reply.getAuthorAgentId(),
        author,
        reply.getOccurredAt(),
        reply.getDeliveryStatus(),
        excerpt(reply.getBodyText()));
  }

  static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).stripTrailing() + "…";
  }

  private static ErrorResponseException collision(List<NewerReply> newer) {
    NewerReply first = newer.getFirst();
    String detail =
        first.authorName()
            + (newer.size() == 1 ? " replied" : " and others replied")
            + " to the customer after you started writing; read that before sending yours.";
    ProblemDetail problem =
        ApiExceptionHandler.problem(
            HttpStatus.CONFLICT, "reply-collision", "Someone else replied", detail, "seenUpTo");
    problem.setProperty("newerReplies", newer);
    return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
  }
}
