package dev.tempodesk.api.webhook;

import dev.tempodesk.activities.webhook.WebhookSignature;
import dev.tempodesk.activities.webhook.WebhookTargets;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.CreatedWebhookSubscription;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.RotatedWebhookSecret;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.WebhookDeliveryDto;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.WebhookDeliveryPage;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.WebhookRedelivery;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.WebhookSubscriptionDto;
import dev.tempodesk.api.webhook.WebhookSubscriptionDtos.WebhookSubscriptionRequest;
import dev.tempodesk.db.group.GroupRepository;
import dev.tempodesk.db.jooq.tables.records.WebhookSubscriptionsRecord;
import dev.tempodesk.db.webhook.WebhookSubscriptionRepository;
import dev.tempodesk.db.webhook.WebhookSubscriptionRepository.Fields;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.webhook.WebhookEventType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions (issue 22.2, admins only): which events go to which URL, signed with the
 * subscription's secret (shown once, when made or rotated), and each subscription's delivery log
 * with a "redeliver". A URL the SSRF rule refuses ({@link WebhookTargets}) is a 400 naming {@code
 * url}, unless the admin allows private networks for it. The subscription made from
 * TEMPODESK_NOTIFY_WEBHOOK_URL (source ENVIRONMENT) is listed but only enabled can change.
 */
@RestController
@RequestMapping("/api/webhook-subscriptions")
@Tag(name = "Webhook subscriptions")
class WebhookSubscriptionController {
  static final int MAX_NAME = 80;
  static final int MAX_URL = 2000;
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 200;
  static final int MAX_PAGE = 100;
  private static final String ENVIRONMENT = "ENVIRONMENT";
  private static final Logger log = LoggerFactory.getLogger(WebhookSubscriptionController.class);

  private final WebhookSubscriptionRepository repository;
  private final GroupRepository groups;
  private final WebhookTargets targets;
  private final CurrentActor actor;
  private final WebhookDispatchLoop dispatch;

  WebhookSubscriptionController(
      WebhookSubscriptionRepository repository,
      GroupRepository groups,
      WebhookTargets targets,
      CurrentActor actor,
      WebhookDispatchLoop dispatch) {
    this.repository = repository;
    this.groups = groups;
    this.targets = targets;
    this.actor = actor;
    this.dispatch = dispatch;
  }

  @GetMapping
  @Operation(operationId = "listWebhookSubscriptions", summary = "Webhook subscriptions (admins)")
  List<WebhookSubscriptionDto> list() {
    return repository.listAll().stream().map(WebhookSubscriptionDto::from).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getWebhookSubscription", summary = "One webhook subscription (admins)")
  WebhookSubscriptionDto get(@PathVariable long id) {
    return WebhookSubscriptionDto.from(find(id));
  }

  @PostMapping
  @Operation(
      operationId = "createWebhookSubscription",
      summary = "Subscribe a URL to events (admins); the answer shows the secret, this once")
  ResponseEntity<CreatedWebhookSubscription> create(
      @RequestBody WebhookSubscriptionRequest request) {
    if (request == null) {
      throw FieldException.malformed("body", "Send the subscription as JSON.");
    }
    Fields fields =
        check(
            new Fields(
                request.name(),
                request.url(),
                request.eventTypes(),
                request.groupIds() == null ? List.of() : request.groupIds(),
                request.priorities() == null ? List.of() : request.priorities(),
                request.enabled() == null || request.enabled(),
                Boolean.TRUE.equals(request.allowPrivateNetwork())));
    String secret = request.secret() == null ? newSecret() : checkSecret(request.secret());
    long by = actor.required().id();
    WebhookSubscriptionsRecord created = repository.insert(fields, secret, by);
    recordPrivateNetwork(created.getId(), false, fields.allowPrivateNetwork(), by);
    return ResponseEntity.created(URI.create("/api/webhook-subscriptions/" + created.getId()))
        .body(
            new CreatedWebhookSubscription(
                WebhookSubscriptionDto.from(find(created.getId())), secret));
  }

  @PatchMapping("/{id}")
  @Operation(
      operationId = "updateWebhookSubscription",
      summary = "Change a webhook subscription (admins); fields left out stay as they are",
      description =
          "Enabling a disabled subscription starts its failure count afresh. The ENVIRONMENT"
              + " subscription only takes enabled (409 for anything else).")
  WebhookSubscriptionDto update(
      @PathVariable long id, @RequestBody WebhookSubscriptionRequest request) {
    if (request == null) {
      throw FieldException.malformed("body", "Send the changes as JSON.");
    }
    WebhookSubscriptionsRecord current = find(id);
    if (request.secret() != null) {
      throw FieldException.malformed(
          "secret", "The secret is not changed by an update: use rotate-secret.");
    }
    Fields was = fieldsOf(current);
    Fields wanted =
        new Fields(
            request.name() == null ? was.name() : request.name(),
            request.url() == null ? was.url() : request.url(),
            request.eventTypes() == null ? was.eventTypes() : request.eventTypes(),
            request.groupIds() == null ? was.groupIds() : request.groupIds(),
            request.priorities() == null ? was.priorities() : request.priorities(),
            request.enabled() == null ? was.enabled() : request.enabled(),
            request.allowPrivateNetwork() == null
                ? was.allowPrivateNetwork()
                : request.allowPrivateNetwork());
    if (ENVIRONMENT.equals(current.getSource())) {
      String changed = changedOtherThanEnabled(was, wanted);
      if (changed != null) {
        throw FieldException.conflict(
            changed,
            "This subscription comes from TEMPODESK_NOTIFY_WEBHOOK_URL: change the environment;"
                + " here it can only be enabled or disabled.");
      }
    } else if (!wanted.url().equals(was.url())
        || wanted.allowPrivateNetwork() != was.allowPrivateNetwork()) {
      wanted = check(wanted);
    } else {
      wanted = check(wanted, false);
    }
    repository
        .update(id, wanted)
        .orElseThrow(() -> new NotFoundException("There is no webhook subscription #" + id + "."));
    recordPrivateNetwork(
        id, was.allowPrivateNetwork(), wanted.allowPrivateNetwork(), actor.required().id());
    return WebhookSubscriptionDto.from(find(id));
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "deleteWebhookSubscription",
      summary = "Delete a webhook subscription and its delivery log (admins)")
  ResponseEntity<Void> delete(@PathVariable long id) {
    refuseEnvironment(find(id), "id");
    if (!repository.delete(id)) {
      throw new NotFoundException("There is no webhook subscription #" + id + ".");
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/rotate-secret")
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Replace the signing secret (admins); the answer shows the new one, this once")
  RotatedWebhookSecret rotateSecret(@PathVariable long id) {
    refuseEnvironment(find(id), "id");
    String secret = newSecret();
    repository.replaceSecret(id, secret);
    return new RotatedWebhookSecret(secret);
  }

  @GetMapping("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The subscription's delivery log, newest first, with every attempt (admins)")
  WebhookDeliveryPage deliveries(
      @PathVariable long id,
      @RequestParam(required = false) Long before,
      @RequestParam(required = false) Integer limit) {
    find(id);
    int size = limit == null ? 25 : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw FieldException.malformed("limit", "limit is 1 to " + MAX_PAGE + ".");
    }
    if (before != null && before < 1) {
      throw FieldException.malformed("before", "before is a delivery id (from nextBefore).");
    }
    List<WebhookDeliveryDto> items =
        repository.deliveries(id, before, size).stream().map(WebhookDeliveryDto::from).toList();
    Long next = items.size() == size ? items.getLast().id() : null;
    return new WebhookDeliveryPage(items, next);
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Deliver the same event again, as a new delivery (admins)",
      description = "The post is the same (same body, event id and Idempotency-Key), signed anew.")
  ResponseEntity<WebhookRedelivery> redeliver(
      @PathVariable long id, @PathVariable long deliveryId) {
    WebhookSubscriptionsRecord subscription = find(id);
    if (!Boolean.TRUE.equals(subscription.getEnabled())) {
      throw FieldException.conflict(
          "id", "The subscription is disabled: enable it before redelivering.");
    }
    long created =
        repository
            .redeliver(id, deliveryId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Subscription #" + id + " has no delivery #" + deliveryId + "."));
    dispatch.wake();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookRedelivery(created));
  }

  private WebhookSubscriptionsRecord find(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no webhook subscription #" + id + "."));
  }

  private static void refuseEnvironment(WebhookSubscriptionsRecord row, String field) {
    if (ENVIRONMENT.equals(row.getSource())) {
      throw FieldException.conflict(
          field,
          "This subscription comes from TEMPODESK_NOTIFY_WEBHOOK_URL (and"
              + " TEMPODESK_NOTIFY_WEBHOOK_SECRET): change the environment instead.");
    }
  }

  private Fields check(Fields fields) {
    return check(fields, true);
  }

  /** The fields as stored, or a refusal naming the first unusable one. */
  private Fields check(Fields fields, boolean checkTarget) {
    String url = fields.url() == null ? null : fields.url().strip();
    if (url == null || url.isEmpty()) {
      throw FieldException.malformed("url", "url is required.");
    }
    if (url.length() > MAX_URL) {
      throw FieldException.malformed("url", "url is at most " + MAX_URL + " characters.");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw FieldException.malformed("url", "url is not a URL: " + e.getReason() + ".");
    }
    if (checkTarget) {
      targets
          .refusal(uri, fields.allowPrivateNetwork())
          .ifPresent(
              reason -> {
                throw FieldException.malformed(
                    "url",
                    "url is refused: "
                        + reason
                        + (fields.allowPrivateNetwork()
                            ? "."
                            : ". An admin may allow private networks for this subscription"
                                + " (allowPrivateNetwork)."));
              });
    }
    String name = fields.name() == null ? uri.getHost() : fields.name().strip();
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw FieldException.malformed("name", "name is 1 to " + MAX_NAME + " characters.");
    }
    if (fields.eventTypes() == null || fields.eventTypes().isEmpty()) {
      throw FieldException.malformed("eventTypes", "Subscribe to at least one event type.");
    }
    LinkedHashSet<String> types = new LinkedHashSet<>();
    for (String type : fields.eventTypes()) {
      if (type == null || WebhookEventType.fromWire(type).isEmpty()) {
        throw FieldException.malformed(
            "eventTypes",
            "Unknown event type '"
                + type
                + "'; known: "
                + Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wire).toList()
                + ".");
      }
      types.add(type);
    }
    LinkedHashSet<Long> groupIds = new LinkedHashSet<>();
    for (Long group : fields.groupIds()) {
      if (group == null || groups.find(group).isEmpty()) {
        throw FieldException.invalid("groupIds", "There is no group #" + group + ".");
      }
      groupIds.add(group);
    }
    LinkedHashSet<String> priorities = new LinkedHashSet<>();
    for (String priority : fields.priorities()) {
      if (priority == null
          || Arrays.stream(Priority.values()).noneMatch(p -> p.name().equals(priority))) {
        throw FieldException.malformed(
            "priorities", "Unknown priority '" + priority + "'; known: LOW, NORMAL, HIGH, URGENT.");
      }
      priorities.add(priority);
    }
    return new Fields(
        name,
        url,
        new ArrayList<>(types),
        new ArrayList<>(groupIds),
        new ArrayList<>(priorities),
        fields.enabled(),
        fields.allowPrivateNetwork());
  }

  private static String checkSecret(String secret) {
    if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.isBlank()) {
      throw FieldException.malformed(
          "secret",
          "secret is "
              + MIN_SECRET
              + " to "
              + MAX_SECRET
              + " characters (leave it out for one"
              + " made for you).");
    }
    return secret;
  }

  private String newSecret() {
    return WebhookSignature.newSecret();
  }

  /** Records (and logs) an admin's allowing private networks; clears it when taken back. */
  private void recordPrivateNetwork(long id, boolean was, boolean now, long by) {
    if (was == now) {
      return;
    }
    repository.recordPrivateNetwork(id, now ? by : null);
    if (now) {
      log.info("Webhook subscription #{}: agent #{} allowed private networks", id, by);
    }
  }

  private static Fields fieldsOf(WebhookSubscriptionsRecord row) {
    return new Fields(
        row.getName(),
        row.getUrl(),
        Arrays.asList(row.getEventTypes()),
        Arrays.asList(row.getGroupIds()),
        Arrays.asList(row.getPriorities()),
        Boolean.TRUE.equals(row.getEnabled()),
        Boolean.TRUE.equals(row.getAllowPrivateNetwork()));
  }

  private static String changedOtherThanEnabled(Fields was, Fields wanted) {
    if (!Objects.equals(was.name(), wanted.name())) {
      return "name";
    }
    if (!Objects.equals(was.url(), wanted.url())) {
      return "url";
    }
    if (!Objects.equals(was.eventTypes(), wanted.eventTypes())) {
      return "eventTypes";
    }
    if (!Objects.equals(was.groupIds(), wanted.groupIds())) {
      return "groupIds";
    }
    if (!Objects.equals(was.priorities(), wanted.priorities())) {
      return "priorities";
    }
    if (was.allowPrivateNetwork() != wanted.allowPrivateNetwork()) {
      return "allowPrivateNetwork";
    }
    return null;
  }
}
