package dev.tempodesk.api.mail;

import dev.tempodesk.activities.mail.MailboxOutages;
import dev.tempodesk.activities.nylas.NylasWebhookSignature;
import dev.tempodesk.api.config.TempodeskProperties;
import dev.tempodesk.api.error.ApiExceptionHandler;
import dev.tempodesk.db.mail.MailThreadRepository;
import dev.tempodesk.db.mail.MailboxRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nylas webhooks. A message notification only pokes the mailbox's sync (which then lists and stores
 * the mail itself), so answering fast and processing each notification id once is all this does;
 * polling stays the safety net for notifications that never arrive. {@code grant.expired} marks the
 * mailbox "needs reconnect".
 */
@RestController
@RequestMapping("/api/webhooks/nylas")
@Tag(name = "Webhooks")
class WebhookController {
  private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

  private final TempodeskProperties properties;
  private final MailThreadRepository notifications;
  private final MailboxSyncs syncs;
  private final MailboxRepository mailboxes;
  private final MailboxOutages outages;
  private final JsonMapper json;

  WebhookController(
      TempodeskProperties properties,
      MailThreadRepository notifications,
      MailboxSyncs syncs,
      MailboxRepository mailboxes,
      MailboxOutages outages,
      JsonMapper json) {
    this.properties = properties;
    this.notifications = notifications;
    this.syncs = syncs;
    this.mailboxes = mailboxes;
    this.outages = outages;
    this.json = json;
  }

  @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
  @Operation(
      operationId = "verifyNylasWebhook",
      summary = "Endpoint verification: echoes Nylas' challenge")
  String challenge(@RequestParam String challenge) {
    return challenge;
  }

  @PostMapping(consumes = MediaType.ALL_VALUE)
  @Operation(
      operationId = "receiveNylasWebhook",
      summary = "A signed notification; wakes the mailbox's sync")
  ResponseEntity<Void> notification(
      @RequestBody byte[] body,
      @RequestHeader(name = "X-Nylas-Signature", required = false) String signature) {
    String secret = properties.nylas().webhookSecret();
    if (secret == null || !NylasWebhookSignature.isValid(body, secret, signature)) {
      ProblemDetail problem =
          ApiExceptionHandler.problem(
              HttpStatus.UNAUTHORIZED,
              "bad-signature",
              "Unsigned or wrongly signed",
              secret == null
                  ? "Webhooks are not configured here (no webhook secret)."
                  : "The X-Nylas-Signature header is missing or is not the body's HMAC-SHA256"
                      + " with the webhook secret.",
              null);
      problem.setProperty("header", "X-Nylas-Signature");
      throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    }
    JsonNode notification;
    try {
      notification = json.readTree(body);
    } catch (RuntimeException unreadable) {
      log.warn("Signed webhook body is not JSON; ignored");
      return ResponseEntity.ok().build();
    }
    String id = notification.path("id").asString("");
    String type = notification.path("type").asString("");
    String grantId = grantOf(notification);
    if (id.isEmpty() || grantId == null) {
      return ResponseEntity.ok().build();
    }
    if (type.startsWith("message.") && notifications.firstTimeNotification(id)) {
      syncs.poke(grantId);
    } else if (type.startsWith("grant.expired") && notifications.firstTimeNotification(id)) {
      // Nylas sends nothing more for the grant until it is re-authenticated (reference §5.5).
      mailboxes
          .findByGrant(grantId)
          .ifPresent(
              mailbox ->
                  outages.needsReconnect(
                      mailbox, "Nylas reported the grant as expired (grant.expired)"));
    }
    return ResponseEntity.ok().build();
  }

  private static String grantOf(JsonNode notification) {
    JsonNode data = notification.path("data");
    String grant = data.path("object").path("grant_id").asString(null);
    return grant != null ? grant : data.path("grant_id").asString(null);
  }
}
