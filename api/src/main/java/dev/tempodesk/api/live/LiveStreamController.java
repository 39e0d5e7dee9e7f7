package dev.tempodesk.api.live;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Live updates for the signed-in person as Server-Sent Events. */
@RestController
@Tag(name = "Live updates")
class LiveStreamController {
  static final String LAST_EVENT_ID = "Last-Event-ID";

  private final LiveStreams streams;
  private final CurrentActor currentActor;

  LiveStreamController(LiveStreams streams, CurrentActor currentActor) {
    this.streams = streams;
    this.currentActor = currentActor;
  }

  @GetMapping("/api/stream")
  @Operation(
      operationId = "openLiveStream",
      summary = "Live updates (text/event-stream) of what the signed-in person may see",
      description =
          """
          Server-Sent Events: `ticket.created`, `ticket.changed`, `message.added`, \
          `message.changed` (staff: the tickets they see; a customer: their own tickets' public \
          messages), `notification.created` and `notification.read` (only the recipient's). \
          Each event's `id` increases; a client that reconnects with `Last-Event-ID` first gets \
          the events it missed (kept for some minutes). Comment lines are heartbeats. \
          Any replica serves any stream: events reach every replica through Postgres \
          LISTEN/NOTIFY. Too many open streams for one person: 429.""",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The stream; each event's data is a LiveEventData object",
              content =
                  @Content(
                      mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                      schema = @Schema(implementation = LiveEventData.class))))
  SseEmitter stream(
      @Parameter(description = "the id of the last event received; what came after is replayed")
          @RequestHeader(name = LAST_EVENT_ID, required = false)
          String lastEventId) {
    return streams.open(currentActor.required(), parse(lastEventId));
  }

  private static Long parse(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(lastEventId.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw FieldException.invalid(LAST_EVENT_ID, "Last-Event-ID must be an event id (a number).");
  }

  /** The data of one event (documentation only: the stream sends it as JSON). */
  @Schema(name = "LiveEventData")
  record LiveEventData(
      @Schema(
              description = "what happened",
              allowableValues = {
                "ticket.created",
                "ticket.changed",
                "message.added",
                "message.changed",
                "notification.created",
                "notification.read"
              })
          String kind,
      @Schema(description = "the ticket concerned, if any") Long ticketNumber,
      @Schema(description = "the message added or changed") String messageId,
      @Schema(description = "the notification created or read") Long notificationId) {}
}
