package dev.tempodesk.workflows.ticket;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SLA policy of the ordered list admins keep (issue 18, Zendesk's model): the first policy by
 * {@code position} whose {@link Conditions} a ticket meets governs it, with its calendar, its
 * targets per priority and metric (each optional) and which pending reasons pause which metric.
 * Pure, so workflow code can hold it; {@link #parse} is the one home of its validation.
 *
 * <p>The per-priority {@link SlaPolicy} is what the ticket workflow runs on today; this value is
 * not wired into it yet.
 */
public record SlaPolicyRules(
    String name,
    int position,
    Conditions conditions,
    long calendarId,
    Map<Priority, Map<SlaMetric, Duration>> targets,
    Map<SlaMetric, Set<PendingReason>> pauses) {

  /** The longest target accepted: a year of (business) time. */
  public static final Duration MAX_TARGET = Duration.ofDays(366);

  public SlaPolicyRules {
    conditions = conditions == null ? Conditions.NONE : conditions;
    targets = copyTargets(targets);
    pauses = pauses == null ? defaultPauses() : copyPauses(pauses);
  }

  /**
   * What a policy may ask of a ticket; each set left empty asks nothing, every one given must hold
   * (a ticket without an organization or mailbox meets no condition on them).
   */
  public record Conditions(
      Set<Long> organizationIds,
      Set<Priority> priorities,
      Set<Channel> channels,
      Set<Long> mailboxIds) {
    public static final Conditions NONE = new Conditions(Set.of(), Set.of(), Set.of(), Set.of());

    public Conditions {
      organizationIds = organizationIds == null ? Set.of() : Set.copyOf(organizationIds);
      priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
      channels = channels == null ? Set.of() : Set.copyOf(channels);
      mailboxIds = mailboxIds == null ? Set.of() : Set.copyOf(mailboxIds);
    }

    public boolean matches(TicketFacts ticket) {
      return holds(organizationIds, ticket.organizationId())
          && holds(priorities, ticket.priority())
          && holds(channels, ticket.channel())
          && holds(mailboxIds, ticket.mailboxId());
    }

    public boolean matchesEverything() {
      return organizationIds.isEmpty()
          && priorities.isEmpty()
          && channels.isEmpty()
          && mailboxIds.isEmpty();
    }

    private static <T> boolean holds(Set<T> allowed, T value) {
      return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
  }

  /** What a policy's conditions look at; any may be null (no organization, no mailbox). */
  public record TicketFacts(
      Long organizationId, Priority priority, Channel channel, Long mailboxId) {}

  /** One reason a policy is refused, naming its field as the request spells it. */
  public record Violation(String field, String message) {}

  /** A policy that cannot be used; lists every reason, the first one as the message. */
  public static class InvalidPolicyException extends IllegalArgumentException {
    private final transient List<Violation> violations;

    public InvalidPolicyException(List<Violation> violations) {
      super(violations.getFirst().field() + ": " + violations.getFirst().message());
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /** The policy with the lowest position whose conditions the ticket meets. */
  public static Optional<SlaPolicyRules> firstMatch(
      Collection<SlaPolicyRules> policies, TicketFacts ticket) {
    return policies.stream()
        .sorted(Comparator.comparingInt(SlaPolicyRules::position))
        .filter(policy -> policy.conditions().matches(ticket))
        .findFirst();
  }

  /** The target of this metric for this priority, if the policy sets one. */
  public Optional<Duration> target(Priority priority, SlaMetric metric) {
    return Optional.ofNullable(targets.getOrDefault(priority, Map.of()).get(metric));
  }

  /** Whether a ticket pending for this reason stops this metric's clock. */
  public boolean pauses(SlaMetric metric, PendingReason reason) {
    return pauses.getOrDefault(metric, Set.of()).contains(reason);
  }

  /** As today: every pending reason pauses every metric. */
  public static Map<SlaMetric, Set<PendingReason>> defaultPauses() {
    Map<SlaMetric, Set<PendingReason>> all = new EnumMap<>(SlaMetric.class);
    for (SlaMetric metric : SlaMetric.values()) {
      all.put(metric, Set.copyOf(EnumSet.allOf(PendingReason.class)));
    }
    return Map.copyOf(all);
  }

  /**
   * Today's configured per-priority targets as a policy matching every ticket: time to assign and
   * resolution, no first-response or next-reply target, every pending reason pausing every metric.
   */
  public static SlaPolicyRules of(String name, int position, long calendarId, SlaPolicy today) {
    Map<Priority, Map<SlaMetric, Duration>> targets = new EnumMap<>(Priority.class);
    for (Priority priority : Priority.values()) {
      SlaTargets t = today.targetsFor(priority);
      targets.put(
          priority,
          Map.of(SlaMetric.TIME_TO_ASSIGN, t.toAssign(), SlaMetric.RESOLUTION, t.toResolve()));
    }
    return new SlaPolicyRules(name, position, Conditions.NONE, calendarId, targets, null);
  }

  /**
   * A policy from the API's terms: priorities, channels, metrics and reasons by name, targets as
   * ISO-8601 durations ({@code PT1H}, {@code P2D}). A metric left out of {@code pauses} keeps the
   * default (every reason pauses it); an empty list means nothing does.
   *
   * @throws InvalidPolicyException naming each bad field, e.g. {@code targets.HIGH.FIRST_RESPONSE}
   */
  public static SlaPolicyRules parse(
      String name,
      int position,
      long calendarId,
      List<Long> organizationIds,
      List<String> priorities,
      List<String> channels,
      List<Long> mailboxIds,
      Map<String, Map<String, String>> targets,
      Map<String, List<String>> pauses) {
    List<Violation> violations = new ArrayList<>();
    Conditions conditions =
        new Conditions(
            ids("conditions.organizationIds", organizationIds, violations),
            names("conditions.priorities", priorities, Priority.class, violations),
            names("conditions.channels", channels, Channel.class, violations),
            ids("conditions.mailboxIds", mailboxIds, violations));
    Map<Priority, Map<SlaMetric, Duration>> parsedTargets = new EnumMap<>(Priority.class);
    if (targets != null) {
      targets.forEach(
          (priorityName, metrics) -> {
            String field = "targets." + priorityName;
            Priority priority = constant(Priority.class, priorityName);
            if (priority == null) {
              violations.add(new Violation(field, "Not a priority: LOW, NORMAL, HIGH or URGENT."));
              return;
            }
            Map<SlaMetric, Duration> parsed = new EnumMap<>(SlaMetric.class);
            if (metrics != null) {
              metrics.forEach(
                  (metricName, value) -> {
                    SlaMetric metric = constant(SlaMetric.class, metricName);
                    Duration target = duration(field + "." + metricName, value, violations);
                    if (metric == null) {
                      violations.add(new Violation(field + "." + metricName, metricMessage()));
                    } else if (target != null) {
                      parsed.put(metric, target);
                    }
                  });
            }
            parsedTargets.put(priority, parsed);
          });
    }
    Map<SlaMetric, Set<PendingReason>> parsedPauses = new EnumMap<>(SlaMetric.class);
    parsedPauses.putAll(defaultPauses());
    if (pauses != null) {
      pauses.forEach(
          (metricName, reasons) -> {
            SlaMetric metric = constant(SlaMetric.class, metricName);
            Set<PendingReason> parsed =
                names("pauses." + metricName, reasons, PendingReason.class, violations);
            if (metric == null) {
              violations.add(new Violation("pauses." + metricName, metricMessage()));
            } else {
              parsedPauses.put(metric, parsed);
            }
          });
    }
    if (!violations.isEmpty()) {
      throw new InvalidPolicyException(violations);
    }
    return new SlaPolicyRules(name, position, conditions, calendarId, parsedTargets, parsedPauses);
  }

  private static Duration duration(String field, String value, List<Violation> violations) {
    Duration target;
    try {
      target = value == null ? null : Duration.parse(value.strip());
    } catch (DateTimeParseException notADuration) {
      target = null;
    }
    if (target == null) {
      violations.add(new Violation(field, "An ISO-8601 duration, e.g. PT4H or P2D."));
      return null;
    }
    if (!target.isPositive() || target.compareTo(MAX_TARGET) > 0) {
      violations.add(new Violation(field, "Longer than zero and at most " + MAX_TARGET + "."));
      return null;
    }
    return target;
  }

  private static Set<Long> ids(String field, List<Long> ids, List<Violation> violations) {
    Set<Long> valid = new LinkedHashSet<>();
    if (ids != null) {
      for (int i = 0; i < ids.size(); i++) {
        Long id = ids.get(i);
        if (id == null || id <= 0) {
          violations.add(new Violation(field + "[" + i + "]", "A positive id."));
        } else {
          valid.add(id);
        }
      }
    }
    return valid;
  }

  private static <E extends Enum<E>> Set<E> names(
      String field, List<String> names, Class<E> type, List<Violation> violations) {
    Set<E> valid = EnumSet.noneOf(type);
    if (names != null) {
      for (int i = 0; i < names.size(); i++) {
        E constant = constant(type, names.get(i));
        if (constant == null) {
          violations.add(
              new Violation(
                  field + "[" + i + "]",
                  "One of " + List.of(type.getEnumConstants()).toString() + "."));
        } else {
          valid.add(constant);
        }
      }
    }
    return valid;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    return null;
  }

  private static String metricMessage() {
    return "Not a metric: one of " + List.of(SlaMetric.values()) + ".";
  }

  private static Map<Priority, Map<SlaMetric, Duration>> copyTargets(
      Map<Priority, Map<SlaMetric, Duration>> targets) {
    Map<Priority, Map<SlaMetric, Duration>> copy = new EnumMap<>(Priority.class);
    if (targets != null) {
      targets.forEach(
          (priority, metrics) -> {
            if (metrics != null && !metrics.isEmpty()) {
              copy.put(priority, Map.copyOf(metrics));
            }
          });
    }
    return Map.copyOf(copy);
  }

  private static Map<SlaMetric, Set<PendingReason>> copyPauses(
      Map<SlaMetric, Set<PendingReason>> pauses) {
    Map<SlaMetric, Set<PendingReason>> copy = new EnumMap<>(SlaMetric.class);
    pauses.forEach((metric, reasons) -> copy.put(metric, Set.copyOf(reasons)));
    return Map.copyOf(copy);
  }
}
