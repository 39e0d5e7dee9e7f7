package dev.tempodesk.api.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import dev.tempodesk.workflows.sla.TicketSelection;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.Conditions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which live tickets each kind of change recalculates. */
class SlaChangeTest {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final SlaPolicyRules GOLD = SlaPolicyRules.of("Gold", 1, 2, SlaPolicy.defaults());

  private static SlaPolicyRules with(String name, Conditions conditions, long calendarId) {
    return new SlaPolicyRules(name, 1, conditions, calendarId, GOLD.targets(), GOLD.pauses());
  }

  @Test
  void shouldRecalculateEveryLiveTicketWhenTheConditionsChange() {
    SlaPolicyRules narrower =
        with("Gold", new Conditions(Set.of(), Set.of(Priority.HIGH), Set.of(), Set.of()), 2);

    assertThat(SlaChange.policyReplaced(3, GOLD, narrower, false, AT))
        .hasValue(
            new SlaChange(
                "policy-3-" + AT.toEpochMilli(), TicketSelection.all(), "policy \"Gold\" changed"));
  }

  @Test
  void shouldRecalculateThePolicysTicketsWhenItsCalendarOrTargetsChange() {
    SlaPolicyRules otherCalendar = with("Gold", GOLD.conditions(), 5);
    SlaPolicyRules otherTargets =
        new SlaPolicyRules("Gold", 1, GOLD.conditions(), 2, Map.of(), GOLD.pauses());

    assertThat(SlaChange.policyReplaced(3, GOLD, otherCalendar, false, AT))
        .get()
        .extracting(SlaChange::selection)
        .isEqualTo(TicketSelection.policy(3));
    assertThat(SlaChange.policyReplaced(3, GOLD, otherTargets, false, AT))
        .get()
        .extracting(SlaChange::selection)
        .isEqualTo(TicketSelection.policy(3));
  }

  @Test
  void shouldRecalculateEveryLiveTicketWhenTheDefaultStopsFollowingTheConfiguration() {
    // Its tickets ran on the configured defaults and hold no policy id: only "all" reaches them.
    assertThat(SlaChange.policyReplaced(3, GOLD, GOLD, true, AT))
        .get()
        .extracting(SlaChange::selection)
        .isEqualTo(TicketSelection.all());
  }

  @Test
  void shouldRecalculateNothingForARenameOrTheSameOrder() {
    assertThat(SlaChange.policyReplaced(3, GOLD, with("Platinum", GOLD.conditions(), 2), false, AT))
        .isEmpty();
    assertThat(SlaChange.reordered(List.of(1L, 2L), List.of(1L, 2L), AT)).isEmpty();
    BusinessCalendar calendar = BusinessCalendar.alwaysOpen();
    assertThat(SlaChange.calendarReplaced(4, "Berlin", calendar, calendar, AT)).isEmpty();
  }

  @Test
  void shouldNameEachChangeAndItsTickets() {
    assertThat(SlaChange.policyAdded(3, "Gold"))
        .isEqualTo(new SlaChange("policy-3-added", TicketSelection.all(), "policy \"Gold\" added"));
    assertThat(SlaChange.policyRemoved(3, "Gold"))
        .isEqualTo(
            new SlaChange(
                "policy-3-removed", TicketSelection.policy(3), "policy \"Gold\" removed"));
    assertThat(SlaChange.reordered(List.of(1L, 2L), List.of(2L, 1L), AT))
        .hasValue(
            new SlaChange(
                "order-" + AT.toEpochMilli(), TicketSelection.all(), "policies reordered"));
    BusinessCalendar calendar = BusinessCalendar.alwaysOpen();
    assertThat(
            SlaChange.calendarReplaced(
                4,
                "Berlin",
                calendar,
                calendar.withHolidays(List.of(LocalDate.of(2026, 12, 24))),
                AT))
        .hasValue(
            new SlaChange(
                "calendar-4-" + AT.toEpochMilli(),
                TicketSelection.calendar(4),
                "calendar \"Berlin\" changed"));
  }
}
