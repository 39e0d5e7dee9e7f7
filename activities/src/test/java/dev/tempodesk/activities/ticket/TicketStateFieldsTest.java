package dev.tempodesk.activities.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.ticket.AppliedSla;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.SlaMetric;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import dev.tempodesk.workflows.ticket.TicketState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@link TicketState} field survives {@code copy()} and the row round trip (state → tickets
 * row → state, as the reconciler re-creates a workflow). The fields are found and filled by
 * reflection, each with a value of its own, so a field added later is covered without touching this
 * test: it fails until copy() and {@link TicketRows} carry the field (or the test learns its type).
 */
class TicketStateFieldsTest {
  /** Kept by the workflow only: the row has no column for them, by design. */
  private static final String[] NOT_IN_THE_ROW = {"seenMessageIds"};

  private long next = 1000;

  @Test
  void shouldFillEveryFieldWithItsOwnNonDefaultValue() throws Exception {
    TicketState filled = filled();

    List<Object> values = new ArrayList<>();
    for (Field field : stateFields(TicketState.class)) {
      Object value = field.get(filled);
      assertThat(value).as(field.getName()).isNotNull().isNotEqualTo(field.get(new TicketState()));
      assertThat(values).as(field.getName() + " is distinct").doesNotContain(value);
      values.add(value);
    }
  }

  @Test
  void shouldCopyEveryFieldIntoStateOfItsOwn() throws Exception {
    TicketState original = filled();

    TicketState copy = original.copy();

    assertThat(copy).usingRecursiveComparison().isEqualTo(original);
    for (Field field : stateFields(TicketState.class)) {
      Object value = field.get(original);
      if (!(value instanceof Enum<?> || value instanceof String || isImmutable(value))) {
        assertThat(field.get(copy)).as(field.getName() + " is not shared").isNotSameAs(value);
      }
    }
  }

  @Test
  void shouldKeepEveryFieldThroughTheRow() throws Exception {
    TicketState original = filled();

    TicketState restored =
        TicketRows.toState(
            TicketRows.toRow(original, Instant.parse("2026-03-02T12:00:00Z")),
            original.assigneeName,
            original.groupName);

    assertThat(restored)
        .usingRecursiveComparison()
        .ignoringFields(NOT_IN_THE_ROW)
        .isEqualTo(original);
  }

  private TicketState filled() throws Exception {
    next = 1000;
    return fill(new TicketState());
  }

  private <T> T fill(T target) throws Exception {
    for (Field field : stateFields(target.getClass())) {
      field.set(target, valueFor(field));
    }
    return target;
  }

  private Object valueFor(Field field) throws Exception {
    Class<?> type = field.getType();
    long n = ++next;
    if (type == long.class || type == Long.class) {
      return n;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == String.class) {
      return field.getName() + "-" + n;
    }
    if (type == Instant.class) {
      return Instant.parse("2026-03-02T09:00:00Z").plusSeconds(n);
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(n);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants[(int) (n % constants.length)];
    }
    if (type == List.class && field.getName().equals("seenMessageIds")) {
      return new ArrayList<>(List.of("message-" + n, "message-" + (n + 1)));
    }
    if (type == List.class && field.getName().equals("tags")) {
      return new ArrayList<>(List.of("tag-" + n, "tag-" + (n + 1)));
    }
    if (type == SlaClock.class) {
      return fill(new SlaClock());
    }
    if (type == AppliedSla.class) {
      return appliedSla(n);
    }
    return fail(
        "No value for %s %s: teach this test the type, and copy() and TicketRows the field.",
        type.getSimpleName(), field.getName());
  }

  /** A policy with a target and a pause of every metric, on a calendar with hours and a holiday. */
  private static AppliedSla appliedSla(long n) {
    Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
    Map<SlaMetric, Set<PendingReason>> pauses = new EnumMap<>(SlaMetric.class);
    for (SlaMetric metric : SlaMetric.values()) {
      targets.put(metric, Duration.ofMinutes(n + metric.ordinal()));
      pauses.put(metric, Set.of(PendingReason.values()[metric.ordinal()]));
    }
    SlaPolicyRules rules =
        new SlaPolicyRules(
            "Policy " + n,
            (int) n,
            new SlaPolicyRules.Conditions(
                Set.of(n), Set.of(Priority.HIGH), Set.of(Channel.EMAIL), Set.of(n + 1)),
            n + 2,
            Map.of(Priority.HIGH, targets),
            pauses);
    BusinessCalendar calendar =
        BusinessCalendar.in("Europe/Berlin")
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00", "17:00")
            .open(DayOfWeek.SATURDAY, "10:00", "12:30")
            .holiday(LocalDate.of(2026, 12, 24))
            .build();
    return new AppliedSla(n, "Policy " + n, n + 2, "Calendar " + n, rules, calendar);
  }

  private static boolean isImmutable(Object value) {
    return value instanceof Long
        || value instanceof Instant
        || value instanceof Duration
        || value instanceof AppliedSla;
  }

  private static List<Field> stateFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return fields;
  }
}
