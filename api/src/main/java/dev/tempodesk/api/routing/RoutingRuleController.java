package dev.tempodesk.api.routing;

import dev.tempodesk.activities.routing.Routing;
import dev.tempodesk.activities.routing.RoutingFacts;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.routing.RoutingRuleDtos.OrderRequest;
import dev.tempodesk.api.routing.RoutingRuleDtos.RuleDto;
import dev.tempodesk.api.routing.RoutingRuleDtos.RuleRequest;
import dev.tempodesk.api.routing.RoutingRuleDtos.TestRequest;
import dev.tempodesk.api.routing.RoutingRuleDtos.TestResult;
import dev.tempodesk.api.ticket.CreateTicketRequest;
import dev.tempodesk.api.validation.Addresses;
import dev.tempodesk.db.jooq.tables.records.RoutingRulesRecord;
import dev.tempodesk.db.routing.RoutingRuleRepository;
import dev.tempodesk.db.routing.RoutingRuleRepository.GroupName;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Tags;
import dev.tempodesk.workflows.ticket.TicketRuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routing rules (issue 21): an ordered list; the first enabled rule whose conditions a new ticket
 * meets sends it to its group, optionally with a priority and tags ({@link Routing}, applied in
 * {@code TicketOpening}). Admins write them; all staff read them and may test which rule a ticket
 * would match. Rules are read from Postgres for every new ticket: a change applies at once.
 */
@RestController
@RequestMapping("/api/routing-rules")
@Tag(name = "Routing")
class RoutingRuleController {
  static final int MAX_NAME = 200;
  static final int MAX_KEYWORDS = 50;
  static final int MAX_KEYWORD = 100;

  private final RoutingRuleRepository repository;
  private final JsonMapper json;

  RoutingRuleController(RoutingRuleRepository repository, JsonMapper json) {
    this.repository = repository;
    this.json = json;
  }

  @GetMapping
  @Operation(
      operationId = "listRoutingRules",
      summary = "Routing rules in the order they are tried")
  List<RuleDto> list() {
    return repository.listInOrder().stream().map(RuleDto::from).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getRoutingRule")
  RuleDto get(@PathVariable long id) {
    return find(id);
  }

  @PostMapping
  @Operation(
      operationId = "createRoutingRule",
      summary = "Add a routing rule after the last one (admins)")
  ResponseEntity<RuleDto> create(@RequestBody RuleRequest request) {
    RoutingRulesRecord created = repository.insert(parse(request));
    return ResponseEntity.created(URI.create("/api/routing-rules/" + created.getId()))
        .body(find(created.getId()));
  }

  @PatchMapping("/{id}")
  @Operation(
      operationId = "updateRoutingRule",
      summary = "Change a routing rule (admins)",
      description =
          "Fields left out stay as they are; a field given as null clears it (a condition then"
              + " asks nothing). The result is checked like a new rule.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = RuleRequest.class))))
  RuleDto update(@PathVariable long id, @RequestBody Map<String, Object> patch) {
    RuleDto current = find(id);
    ObjectNode changes = json.valueToTree(patch);
    ObjectNode merged = json.valueToTree(current.asRequest());
    Set<String> fields =
        Arrays.stream(RuleRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toSet());
    for (String field : changes.propertyNames()) {
      if (!fields.contains(field)) {
        throw FieldException.malformed(field, "'" + field + "' is not a field of a routing rule.");
      }
      merged.set(field, changes.get(field));
    }
    RuleRequest request;
    try {
      request = json.treeToValue(merged, RuleRequest.class);
    } catch (JacksonException unusable) {
      String field =
          unusable.getPath().isEmpty() ? "body" : unusable.getPath().getFirst().getPropertyName();
      throw FieldException.malformed(
          field, "has an unusable value: " + unusable.getOriginalMessage());
    }
    repository
        .update(id, parse(request))
        .orElseThrow(() -> new NotFoundException("There is no routing rule #" + id + "."));
    return find(id);
  }

  @DeleteMapping("/{id}")
  @Operation(operationId = "deleteRoutingRule", summary = "Delete a routing rule (admins)")
  ResponseEntity<Void> delete(@PathVariable long id) {
    if (!repository.delete(id)) {
      throw new NotFoundException("There is no routing rule #" + id + ".");
    }
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/order")
  @Operation(
      operationId = "reorderRoutingRules",
      summary = "Put the rules in this order; give every rule's id once (admins)")
  List<RuleDto> reorder(@RequestBody OrderRequest request) {
    if (request.ids() == null || !repository.reorder(request.ids())) {
      throw FieldException.invalid(
          "ids", "List every routing rule's id exactly once, in the order they should be tried.");
    }
    return list();
  }

  @PostMapping("/test")
  @Operation(
      operationId = "testRoutingRules",
      summary = "Which rule would route a new ticket with these facts",
      description = "Changes nothing. A fact left out is one the ticket does not have.")
  TestResult test(@RequestBody TestRequest request) {
    if (request.subject() != null && request.subject().length() > CreateTicketRequest.MAX_SUBJECT) {
      throw FieldException.invalid(
          "subject",
          "A ticket's subject has at most " + CreateTicketRequest.MAX_SUBJECT + " characters.");
    }
    if (request.text() != null && request.text().length() > CreateTicketRequest.MAX_DESCRIPTION) {
      throw FieldException.invalid(
          "text",
          "A ticket's first message has at most "
              + CreateTicketRequest.MAX_DESCRIPTION
              + " characters.");
    }
    List<String> recipients = request.recipients() == null ? List.of() : request.recipients();
    for (int i = 0; i < recipients.size(); i++) {
      Addresses.require("recipients[" + i + "]", recipients.get(i));
    }
    Channel channel =
        Optional.ofNullable(known("channel", request.channel(), Channel::valueOf, Channel.values()))
            .orElse(Channel.EMAIL);
    RoutingFacts facts =
        RoutingFacts.of(
            request.mailboxId(),
            recipients,
            request.organizationId(),
            request.subject(),
            request.text(),
            channel);
    var rows = repository.enabledInOrder();
    return Routing.firstMatch(RoutingRuleDtos.rules(rows), facts)
        .map(
            match ->
                new TestResult(
                    rows.stream()
                        .filter(row -> row.rule().getId() == match.rule().id())
                        .findFirst()
                        .map(RuleDto::from)
                        .orElseThrow(),
                    match.matched(),
                    match.describe()))
        .orElseGet(
            () -> {
              GroupName fallback = repository.defaultGroup();
              return TestResult.none(fallback.name() + " (#" + fallback.id() + ")");
            });
  }

  private RuleDto find(long id) {
    return repository
        .find(id)
        .map(RuleDto::from)
        .orElseThrow(() -> new NotFoundException("There is no routing rule #" + id + "."));
  }

  /** The rule as stored, every field checked; a refusal names the field. */
  private RoutingRulesRecord parse(RuleRequest request) {
    RoutingRulesRecord rule = new RoutingRulesRecord();
    if (request.name() == null || request.name().isBlank()) {
      throw FieldException.invalid("name", "Give the rule a name.");
    }
    if (request.name().strip().length() > MAX_NAME) {
      throw FieldException.invalid("name", "A name has at most " + MAX_NAME + " characters.");
    }
    rule.setName(request.name().strip());
    rule.setEnabled(request.enabled() == null || request.enabled());
    if (request.groupId() == null) {
      throw FieldException.invalid("groupId", "Name the group the rule sends tickets to.");
    }
    if (repository.group(request.groupId()).isEmpty()) {
      throw FieldException.invalid("groupId", "There is no group #" + request.groupId() + ".");
    }
    rule.setGroupId(request.groupId());
    if (request.mailboxId() != null && !repository.mailboxExists(request.mailboxId())) {
      throw FieldException.invalid(
          "mailboxId", "There is no mailbox #" + request.mailboxId() + ".");
    }
    rule.setMailboxId(request.mailboxId());
    if (request.organizationId() != null
        && !repository.organizationExists(request.organizationId())) {
      throw FieldException.invalid(
          "organizationId", "There is no organization #" + request.organizationId() + ".");
    }
    rule.setOrganizationId(request.organizationId());
    rule.setRecipient(
        request.recipient() == null || request.recipient().isBlank()
            ? null
            : Addresses.require("recipient", request.recipient()).address());
    Channel channel = known("channel", request.channel(), Channel::valueOf, Channel.values());
    rule.setChannel(channel == null ? null : channel.name());
    Priority priority =
        known("setPriority", request.setPriority(), Priority::valueOf, Priority.values());
    rule.setSetPriority(priority == null ? null : priority.name());
    rule.setKeywords(keywords(request.keywords()).toArray(String[]::new));
    rule.setAddTags(tags(request.addTags()).toArray(String[]::new));
    return rule;
  }

  private static List<String> keywords(List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw.size() > MAX_KEYWORDS) {
      throw FieldException.invalid("keywords", "A rule has at most " + MAX_KEYWORDS + " keywords.");
    }
    Set<String> keywords = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String keyword = raw.get(i);
      if (keyword == null || keyword.isBlank()) {
        throw FieldException.invalid("keywords", "Keyword " + (i + 1) + " is blank.");
      }
      String stripped = keyword.strip().replaceAll("\\s+", " ");
      if (stripped.length() > MAX_KEYWORD) {
        throw FieldException.invalid(
            "keywords", "Keyword " + (i + 1) + " is longer than " + MAX_KEYWORD + " characters.");
      }
      if (stripped.codePoints().anyMatch(Character::isISOControl)) {
        throw FieldException.invalid(
            "keywords", "Keyword " + (i + 1) + " contains control characters.");
      }
      keywords.add(stripped);
    }
    return new ArrayList<>(keywords);
  }

  private static List<String> tags(List<String> raw) {
    if (raw != null && raw.size() > Tags.MAX_PER_TICKET) {
      throw FieldException.invalid(
          "addTags", "A rule adds at most " + Tags.MAX_PER_TICKET + " tags.");
    }
    try {
      return new ArrayList<>(Tags.normalizeAll(raw, "addTags"));
    } catch (TicketRuleViolation unusable) {
      throw FieldException.invalid("addTags", unusable.text());
    }
  }

  /** The constant {@code value} names exactly, null when blank; a 422 naming the field else. */
  private static <E extends Enum<E>> E known(
      String field, String value, Function<String, E> valueOf, E[] values) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return valueOf.apply(value);
    } catch (IllegalArgumentException unknown) {
      throw FieldException.invalid(
          field,
          "'"
              + value
              + "' is none of "
              + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "))
              + ".");
    }
  }
}
