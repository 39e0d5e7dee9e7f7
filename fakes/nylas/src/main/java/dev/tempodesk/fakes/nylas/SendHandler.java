package dev.tempodesk.fakes.nylas;

import dev.tempodesk.fakes.nylas.FakeMessage.Header;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v3/grants/{g}/messages/send}: injected faults, validation, rejections, idempotency,
 * threading. Faults are drawn inside the idempotency cache, while the send is in flight: a slow
 * send makes a second request with its key get 409 concurrent, and an injected error that Nylas
 * itself answers is stored under the key and replayed like any other answer (see package-info).
 */
final class SendHandler {
  private final MessageFactory factory;
  private final Clock clock;
  private final FaultPlan faults;
  private final IdempotencyCache idempotency;
  private final Consumer<FakeMessage> onCreated;
  private final Map<String, Integer> rejectedRecipients = new ConcurrentHashMap<>();
  private final Map<String, List<SentFile>> sentFiles = new ConcurrentHashMap<>();

  SendHandler(
      MessageFactory factory, Clock clock, FaultPlan faults, Consumer<FakeMessage> onCreated) {
    this.factory = factory;
    this.clock = clock;
    this.faults = faults;
    this.idempotency = new IdempotencyCache(clock);
    this.onCreated = onCreated;
  }

  void reject(String email, int status) {
    rejectedRecipients.put(email.toLowerCase(Locale.ROOT), status);
  }

  void accept(String email) {
    rejectedRecipients.remove(email.toLowerCase(Locale.ROOT));
  }

  /** The files that came with a sent message, in the order of the request. */
  List<SentFile> files(String messageId) {
    return sentFiles.getOrDefault(messageId, List.of());
  }

  Reply send(
      FakeMailbox box,
      String idempotencyKey,
      String contentType,
      byte[] body,
      Map<String, String> params,
      String requestId) {
    Request request = new Request(contentType, body);
    if (idempotencyKey == null) {
      return attempt(box, request, params, requestId).answered();
    }
    return idempotency.run(
        box.grantId(),
        idempotencyKey,
        fingerprint(request),
        requestId,
        () -> attempt(box, request, params, requestId));
  }

  /** A send's body and its Content-Type (JSON or multipart/form-data). */
  private record Request(String contentType, byte[] body) {}

  /**
   * One send as Nylas carries it out, with the faults drawn for it. An error Nylas answers itself
   * (500, 503, 504, 429, forced statuses) comes instead of the send and is what the key keeps. A
   * 502 is a proxy's page: Nylas did send, but its answer was lost on the way, so the key keeps the
   * real answer. A lost send answer ({@link FaultPlan#loseNextSendAnswers}) is Nylas answering an
   * error although the provider took the mail; that error is what the key keeps.
   */
  private IdempotencyCache.Outcome attempt(
      FakeMailbox box, Request body, Map<String, String> params, String requestId) {
    Duration delay = faults.drawDelay();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return IdempotencyCache.Outcome.of(FaultReplies.forStatus(503, requestId, 1));
      }
    }
    int failure = faults.drawFailure();
    if (failure == 502) {
      Reply real = sendOnce(box, body, params, requestId);
      return new IdempotencyCache.Outcome(
          real, FaultReplies.forStatus(502, requestId, faults.retryAfterSeconds()));
    }
    if (failure != 0) {
      return IdempotencyCache.Outcome.of(
          FaultReplies.forStatus(failure, requestId, faults.retryAfterSeconds()));
    }
    Reply real = sendOnce(box, body, params, requestId);
    int lost = faults.drawLostSendAnswer();
    return IdempotencyCache.Outcome.of(
        lost == 0 ? real : FaultReplies.forStatus(lost, requestId, faults.retryAfterSeconds()));
  }

  private Reply sendOnce(
      FakeMailbox box, Request body, Map<String, String> params, String requestId) {
    try {
      NylasJson.Headers headers = MessageLister.headers(params.get("fields"));
      SendForm form = SendForm.parse(body.contentType(), body.body());
      MessageFactory.Outbound outbound = parse(form.message());
      for (Participant recipient :
          Stream.of(outbound.to(), outbound.cc(), outbound.bcc()).flatMap(List::stream).toList()) {
        Integer status = rejectedRecipients.get(recipient.email().toLowerCase(Locale.ROOT));
        if (status != null) {
          throw new NylasError(
              status,
              status == 400 ? "invalid_request_error" : "provider_error",
              "Message rejected by the provider: recipient " + recipient.email() + " not found");
        }
      }
      if (FakeMailbox.MICROSOFT.equals(box.provider())) {
        for (Header header : outbound.customHeaders()) {
          if (header.name() == null || !header.name().regionMatches(true, 0, "X-", 0, 2)) {
            // Graph's InvalidInternetMessageHeader, passed on by Nylas as a bad request.
            throw NylasError.invalidRequest(
                "The internet message header name '"
                    + header.name()
                    + "' should start with 'x-' or 'X-'.");
          }
        }
      }
      if (outbound.replyToMessageId() != null
          && box.replyTarget(outbound.replyToMessageId()).isEmpty()) {
        throw NylasError.notFound(
            "reply_to_message_id " + outbound.replyToMessageId() + " not found");
      }
      FakeMessage sent =
          withFiles(
              factory.outbound(box, outbound, clock.instant().getEpochSecond()), form.files());
      sentFiles.put(sent.id(), List.copyOf(form.files()));
      box.add(sent);
      onCreated.accept(sent);
      ObjectNode json = NylasJson.object();
      json.put("request_id", requestId);
      json.put("grant_id", box.grantId());
      json.set("data", NylasJson.message(sent, headers));
      return Reply.json(200, json);
    } catch (NylasError e) {
      return e.reply(requestId);
    }
  }

  /** The sent message listing its files as Nylas lists attachments (metadata only). */
  private static FakeMessage withFiles(FakeMessage m, List<SentFile> files) {
    List<FakeMessage.Attachment> listed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      SentFile file = files.get(i);
      listed.add(
          new FakeMessage.Attachment(
              "att-" + m.id() + "-" + i,
              file.filename(),
              file.contentType(),
              file.size(),
              file.inline(),
              file.contentId(),
              file.inline() ? "inline" : "attachment"));
    }
    return new FakeMessage(
        m.seq(),
        m.id(),
        m.grantId(),
        m.threadId(),
        m.subject(),
        m.from(),
        m.to(),
        m.cc(),
        m.bcc(),
        m.replyTo(),
        m.date(),
        m.body(),
        m.folders(),
        m.unread(),
        m.headers(),
        listed);
  }

  private static MessageFactory.Outbound parse(JsonNode json) {
    List<Participant> to = participants(json, "to");
    if (to.isEmpty()) {
      throw NylasError.invalidRequest("to is required");
    }
    List<Participant> from = participants(json, "from");
    List<Header> custom = new ArrayList<>();
    for (JsonNode h : json.path("custom_headers")) {
      custom.add(new Header(NylasJson.text(h, "name"), NylasJson.text(h, "value")));
    }
    return new MessageFactory.Outbound(
        from.isEmpty() ? null : from.getFirst().name(),
        to,
        participants(json, "cc"),
        participants(json, "bcc"),
        participants(json, "reply_to"),
        NylasJson.text(json, "subject"),
        NylasJson.text(json, "body"),
        NylasJson.text(json, "reply_to_message_id"),
        custom);
  }

  private static List<Participant> participants(JsonNode json, String field) {
    JsonNode array = json.path(field);
    if (!array.isMissingNode() && !array.isNull() && !array.isArray()) {
      throw NylasError.invalidRequest(field + " must be an array of {name, email}");
    }
    List<Participant> list = new ArrayList<>();
    for (JsonNode entry : array) {
      String email = NylasJson.text(entry, "email");
      if (email == null || !email.contains("@")) {
        throw NylasError.invalidRequest(field + " has an entry without a valid email");
      }
      list.add(new Participant(NylasJson.text(entry, "name"), email));
    }
    return list;
  }

  /**
   * What makes two payloads the same for the idempotency check: the parsed JSON, or for multipart
   * the message JSON and each file (never the boundary); the raw text if it does not parse.
   */
  private static Object fingerprint(Request request) {
    try {
      return SendForm.parse(request.contentType(), request.body()).fingerprint();
    } catch (NylasError e) {
      return new String(request.body(), StandardCharsets.UTF_8);
    }
  }
}
