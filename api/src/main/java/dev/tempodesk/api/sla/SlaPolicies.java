package dev.tempodesk.api.sla;

import dev.tempodesk.activities.sla.SlaPolicyReader;
import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.sla.SlaPolicyDtos.ConditionsDto;
import dev.tempodesk.api.sla.SlaPolicyDtos.ConditionsRequest;
import dev.tempodesk.api.sla.SlaPolicyDtos.PolicyRequest;
import dev.tempodesk.db.calendar.BusinessCalendarRepository;
import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import dev.tempodesk.db.mail.MailboxRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaMetric;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.Conditions;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.InvalidPolicyException;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.TicketFacts;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.Violation;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SLA policies between their rows and {@link SlaPolicyRules}, the value workflow code will compute
 * with: {@link #all()} in order and {@link #match} for a ticket's facts.
 */
@Component
public class SlaPolicies {
  static final int MAX_NAME_LENGTH = 200;
  private final SlaPolicyRepository repository;
  private final BusinessCalendarRepository calendars;
  private final OrganizationRepository organizations;
  private final MailboxRepository mailboxes;
  private final SlaPolicyReader reader;
  private final JsonMapper json;

  SlaPolicies(
      SlaPolicyRepository repository,
      BusinessCalendarRepository calendars,
      OrganizationRepository organizations,
      MailboxRepository mailboxes,
      SlaPolicyReader reader,
      JsonMapper json) {
    this.repository = repository;
    this.calendars = calendars;
    this.organizations = organizations;
    this.mailboxes = mailboxes;
    this.reader = reader;
    this.json = json;
  }

  /** Every policy, in the order they are tried. */
  public List<SlaPolicyRules> all() {
    return reader.all();
  }

  /** The policy that governs a ticket with these facts: the first by position that matches. */
  public Optional<SlaPoliciesRecord> match(TicketFacts ticket) {
    return reader.match(ticket);
  }

  SlaPoliciesRecord row(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no SLA policy #" + id + "."));
  }

  /** A stored row as the value; stored rules are checked again, as a calendar's are. */
  SlaPolicyRules valueOf(SlaPoliciesRecord row) {
    return reader.policy(row);
  }

  /** The request as a policy (position 0: the repository places it), or 422 naming the field. */
  SlaPolicyRules parse(PolicyRequest request) {
    String name = name(request.name());
    long calendarId = calendarId(request.calendarId());
    ConditionsRequest conditions =
        request.conditions() == null
            ? new ConditionsRequest(null, null, null, null)
            : request.conditions();
    SlaPolicyRules policy;
    try {
      policy =
          SlaPolicyRules.parse(
              name,
              0,
              calendarId,
              conditions.organizationIds(),
              conditions.priorities(),
              conditions.channels(),
              conditions.mailboxIds(),
              request.targets(),
              request.pauses());
    } catch (InvalidPolicyException refused) {
      Violation first = refused.violations().getFirst();
      String all =
          refused.violations().stream()
              .map(v -> v.field() + ": " + v.message())
              .collect(Collectors.joining("; "));
      throw FieldException.invalid(first.field(), all);
    }
    known("conditions.organizationIds", conditions.organizationIds(), organizations::find);
    known("conditions.mailboxIds", conditions.mailboxIds(), mailboxes::find);
    return policy;
  }

  /** 422 naming the first id there is no row for (parse has refused nulls already). */
  private static void known(String field, List<Long> ids, LongFunction<Optional<?>> find) {
    if (ids == null) {
      return;
    }
    for (int i = 0; i < ids.size(); i++) {
      if (find.apply(ids.get(i)).isEmpty()) {
        throw FieldException.invalid(
            field + "[" + i + "]", "There is nothing with id " + ids.get(i) + ".");
      }
    }
  }

  /** The value's rules as the JSON stored (and shown): lists sorted, maps in enum order. */
  SlaPolicyRepository.Rules rules(SlaPolicyRules policy) {
    return new SlaPolicyRepository.Rules(
        policy.calendarId(),
        json.writeValueAsString(conditions(policy.conditions())),
        json.writeValueAsString(targets(policy)),
        json.writeValueAsString(pauses(policy)));
  }

  static ConditionsDto conditions(Conditions conditions) {
    return new ConditionsDto(
        sorted(conditions.organizationIds()),
        sorted(conditions.priorities()),
        sorted(conditions.channels()),
        sorted(conditions.mailboxIds()));
  }

  static Map<Priority, Map<SlaMetric, String>> targets(SlaPolicyRules policy) {
    Map<Priority, Map<SlaMetric, String>> targets = new LinkedHashMap<>();
    for (Priority priority : Priority.values()) {
      Map<SlaMetric, String> metrics = new LinkedHashMap<>();
      for (SlaMetric metric : SlaMetric.values()) {
        policy
            .target(priority, metric)
            .map(Duration::toString)
            .ifPresent(d -> metrics.put(metric, d));
      }
      if (!metrics.isEmpty()) {
        targets.put(priority, metrics);
      }
    }
    return targets;
  }

  static Map<SlaMetric, List<PendingReason>> pauses(SlaPolicyRules policy) {
    Map<SlaMetric, List<PendingReason>> pauses = new LinkedHashMap<>();
    for (SlaMetric metric : SlaMetric.values()) {
      pauses.put(metric, sorted(policy.pauses().getOrDefault(metric, Set.of())));
    }
    return pauses;
  }

  private static <T extends Comparable<T>> List<T> sorted(Collection<T> values) {
    return values.stream().sorted().toList();
  }

  private long calendarId(Long id) {
    if (id == null) {
      return calendars.builtIn().getId();
    }
    if (calendars.find(id).isEmpty()) {
      throw FieldException.invalid("calendarId", "There is no business calendar #" + id + ".");
    }
    return id;
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      throw FieldException.invalid("name", "Give the policy a name.");
    }
    if (name.strip().length() > MAX_NAME_LENGTH) {
      throw FieldException.invalid("name", "At most " + MAX_NAME_LENGTH + " characters.");
    }
    return name.strip();
  }
}
