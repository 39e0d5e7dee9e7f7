package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything under {@code /v3/grants/{grant_id}}: API-key check, injected faults, then the mailbox
 * endpoints. Faults of reads come before anything else; a send draws its own inside its idempotency
 * key ({@link SendHandler}).
 */
final class GrantRoutes {
  private static final List<String> SEND_PATH = List.of("messages", "send");

  private final String apiKey;
  private final FaultPlan faults;
  private final Function<String, FakeMailbox> grants;
  private final MessageLister lister;
  private final SendHandler sender;

  GrantRoutes(
      String apiKey, FaultPlan faults, Function<String, FakeMailbox> grants, SendHandler sender) {
    this.apiKey = apiKey;
    this.faults = faults;
    this.grants = grants;
    this.lister = new MessageLister(faults);
    this.sender = sender;
  }

  /** {@code path} starts after {@code /v3/grants}. */
  Reply handle(HttpExchange exchange, List<String> path, String requestId)
      throws InterruptedException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.equals("Bearer " + apiKey)) {
      return Reply.error(401, requestId, "unauthorized", "Unauthorized");
    }
    String method = exchange.getRequestMethod();
    boolean send =
        method.equals("POST") && path.size() == 3 && path.subList(1, 3).equals(SEND_PATH);
    if (!send) {
      // A send draws its faults itself, while it is in flight under its key.
      Duration delay = faults.drawDelay();
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      if (isDownload(method, path)) {
        Duration slow = faults.downloadDelay();
        if (!slow.isZero()) {
          Thread.sleep(slow);
        }
      }
      int failure = faults.drawFailure(isDownload(method, path));
      if (failure != 0) {
        return FaultReplies.forStatus(failure, requestId, faults.retryAfterSeconds());
      }
    }
    if (path.isEmpty()) {
      throw NylasError.notFound("listing grants is not supported by the fake");
    }
    FakeMailbox box = grants.apply(path.getFirst());
    if (box == null) {
      throw NylasError.notFound("grant " + path.getFirst() + " not found");
    }
    Map<String, String> params = HttpRequests.params(exchange.getRequestURI().getRawQuery());
    List<String> rest = path.subList(1, path.size());
    String route = rest.isEmpty() ? "" : rest.getFirst();
    if (!box.valid() && !rest.isEmpty()) {
      // The grant itself stays readable (it shows grant_status invalid); its mailbox does not.
      return Reply.error(
          401,
          requestId,
          "unauthorized",
          "The grant is invalid; the user must authenticate again.");
    }
    if (send) {
      return sender.send(
          box,
          exchange.getRequestHeaders().getFirst("Idempotency-Key"),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          HttpRequests.body(exchange),
          params,
          requestId);
    }
    if (!method.equals("GET")) {
      throw new NylasError(405, "invalid_request_error", method + " is not supported here");
    }
    return switch (rest.size() + ":" + route) {
      case "0:" -> single(requestId, NylasJson.grant(box, List.of(HostedAuth.SCOPE.split(" "))));
      case "1:messages" -> Reply.json(200, lister.list(box, params, requestId));
      case "2:messages" -> message(box, rest.get(1), params, requestId);
      case "2:threads" -> thread(box, rest.get(1), requestId);
      case "1:folders" -> folders(box, requestId);
      case "2:attachments" -> attachment(box, rest.get(1), params, requestId);
      case "3:attachments" -> {
        if (!rest.get(2).equals("download")) {
          throw NylasError.notFound("no such endpoint: " + String.join("/", rest));
        }
        yield download(box, rest.get(1), params);
      }
      default -> throw NylasError.notFound("no such endpoint: " + String.join("/", rest));
    };
  }

  private Reply message(FakeMailbox box, String id, Map<String, String> params, String requestId) {
    NylasJson.Headers headers = MessageLister.headers(params.get("fields"));
    FakeMessage message =
        box.find(id)
            .filter(m -> m.id().equals(id))
            .orElseThrow(() -> NylasError.notFound("requested object not found"));
    return single(requestId, NylasJson.message(message, headers));
  }

  private static boolean isDownload(String method, List<String> path) {
    return method.equals("GET")
        && path.size() == 4
        && path.get(1).equals("attachments")
        && path.get(3).equals("download");
  }

  /** {@code GET /attachments/{id}?message_id=…}: the attachment's metadata, as listed. */
  private Reply attachment(
      FakeMailbox box, String id, Map<String, String> params, String requestId) {
    FakeMessage message = messageOfAttachment(box, id, params);
    FakeMessage.Attachment file =
        message.attachments().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    return single(requestId, NylasJson.attachment(file, box.grantId()));
  }

  /** {@code GET /attachments/{id}/download?message_id=…}: the bytes, with the listed type. */
  private Reply download(FakeMailbox box, String id, Map<String, String> params) {
    FakeMessage message = messageOfAttachment(box, id, params);
    FakeMessage.Attachment file =
        message.attachments().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    byte[] content =
        box.attachmentContent(message.id(), id)
            .orElseThrow(() -> NylasError.notFound("requested object not found"));
    return Reply.bytes(200, file.contentType(), content);
  }

  private static FakeMessage messageOfAttachment(
      FakeMailbox box, String id, Map<String, String> params) {
    String messageId = params.get("message_id");
    if (messageId == null || messageId.isBlank()) {
      throw new NylasError(400, "invalid_request_error", "message_id is required");
    }
    return box.find(messageId)
        .filter(m -> m.id().equals(messageId))
        .filter(m -> m.attachments().stream().anyMatch(a -> a.id().equals(id)))
        .orElseThrow(() -> NylasError.notFound("requested object not found"));
  }

  private Reply thread(FakeMailbox box, String threadId, String requestId) {
    List<FakeMessage> messages = box.thread(threadId);
    if (messages.isEmpty()) {
      throw NylasError.notFound("requested object not found");
    }
    return single(requestId, NylasJson.thread(threadId, box.grantId(), messages));
  }

  private Reply folders(FakeMailbox box, String requestId) {
    List<FakeMessage> all = box.newestFirst();
    ObjectNode json = NylasJson.object();
    json.put("request_id", requestId);
    ArrayNode data = json.putArray("data");
    FakeMailbox.FOLDERS.forEach(f -> data.add(NylasJson.folder(f, box.grantId(), all)));
    lister.putNextCursor(json, null);
    return Reply.json(200, json);
  }

  private static Reply single(String requestId, ObjectNode data) {
    ObjectNode json = NylasJson.object();
    json.put("request_id", requestId);
    json.set("data", data);
    return Reply.json(200, json);
  }
}
