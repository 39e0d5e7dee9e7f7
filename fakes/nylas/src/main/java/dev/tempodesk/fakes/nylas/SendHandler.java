package dev.tempodesk.fakes.nylas;

import dev.tempodesk.fakes.nylas.FakeMessage.Header;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /v3/grants/{g}/messages/send}: validation, rejections, idempotency, threading. */
final class SendHandler {
  private final MessageFactory factory;
  private final Clock clock;
  private final IdempotencyCache idempotency;
  private final Consumer<FakeMessage> onCreated;
  private final Map<String, Integer> rejectedRecipients = new ConcurrentHashMap<>();

  SendHandler(MessageFactory factory, Clock clock, Consumer<FakeMessage> onCreated) {
    this.factory = factory;
    this.clock = clock;
    this.idempotency = new IdempotencyCache(clock);
    this.onCreated = onCreated;
  }

  void reject(String email, int status) {
    rejectedRecipients.put(email.toLowerCase(Locale.ROOT), status);
  }

  Reply send(
      FakeMailbox box,
      String idempotencyKey,
      byte[] body,
      Map<String, String> params,
      String requestId) {
    if (idempotencyKey == null) {
      return sendOnce(box, body, params, requestId);
    }
    return idempotency.run(
        box.grantId(),
        idempotencyKey,
        fingerprint(body),
        requestId,
        () -> sendOnce(box, body, params, requestId));
  }

  private Reply sendOnce(
      FakeMailbox box, byte[] body, Map<String, String> params, String requestId) {
    try {
      NylasJson.Headers headers = MessageLister.headers(params.get("fields"));
      MessageFactory.Outbound outbound = parse(body);
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
      if (outbound.replyToMessageId() != null && box.find(outbound.replyToMessageId()).isEmpty()) {
        throw NylasError.notFound(
            "reply_to_message_id " + outbound.replyToMessageId() + " not found");
      }
      FakeMessage sent = factory.outbound(box, outbound, clock.instant().getEpochSecond());
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

  private static MessageFactory.Outbound parse(byte[] body) {
    JsonNode json;
    try {
      json = NylasJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new NylasError(400, "api.invalid_request_payload", "Request body is not valid JSON");
    }
    if (json == null || !json.isObject()) {
      throw new NylasError(400, "api.invalid_request_payload", "Request body must be an object");
    }
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

  private static Object fingerprint(byte[] body) {
    try {
      return NylasJson.MAPPER.readTree(body);
    } catch (JacksonException e) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
