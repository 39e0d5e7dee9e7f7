package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE_ACTOR;
import static dev.tempodesk.workflows.ticket.TicketFixtures.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md §4 "Ticket update", rule by rule, as a table of inputs and what {@link
 * TicketUpdateRules#plan} makes of them: the changes it plans and the auto-fixes it reports, or the
 * refusal (kind and field) it raises. Plain JUnit: no workflow runs.
 */
class TicketUpdateRulesTableTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String UNTIL_4H = NOW.plus(Duration.ofHours(4)).toString();
  private static final String PENDING_UNTIL = NOW.plus(Duration.ofDays(1)).toString();
  private static final String ALICE_LABEL = "Alice Agent (#1)";

  static Stream<Arguments> rules() {
    return Stream.of(
        // A non-blank comment is required with every change.
        row("no comment", open(), by(null).priority(Priority.HIGH), refused("comment")),
        row("blank comment", open(), by("  ").priority(Priority.HIGH), refused("comment")),
        row("comment alone changes nothing", open(), by("noted"), planned()),
        // Optional expectedVersion: refused on mismatch, no lost updates.
        row(
            "stale expectedVersion",
            open(),
            by("c").expectedVersion(4L).priority(Priority.HIGH),
            refusedAs(TicketFailure.VERSION_CONFLICT, "expectedVersion")),
        row(
            "current expectedVersion",
            open(),
            by("c").expectedVersion(5L).priority(Priority.HIGH),
            planned(change("priority", "NORMAL", "HIGH"))),
        // The assignee must be an active agent.
        row(
            "deactivated assignee",
            fresh(),
            by("c").assignee(AssigneeChange.to(RETIRED)),
            refused("assigneeId")),
        // Assigning a NEW ticket makes it OPEN; unassigning an OPEN ticket makes it NEW.
        row(
            "assigning a NEW ticket",
            fresh(),
            by("c").assignee(AssigneeChange.to(ALICE)),
            planned(change("status", "NEW", "OPEN"), change("assignee", null, ALICE_LABEL))
                .fixing("Assigning a NEW ticket opens it: status NEW → OPEN.")),
        row(
            "unassigning an OPEN ticket",
            open(),
            by("c").assignee(AssigneeChange.unassign()),
            planned(change("status", "OPEN", "NEW"), change("assignee", ALICE_LABEL, null))
                .fixing("Unassigning an OPEN ticket returns it to the queue: status OPEN → NEW.")),
        row(
            "OPEN without an assignee",
            fresh(),
            by("c").status(TicketStatus.OPEN),
            refused("assigneeId")),
        row(
            "NEW while assigning",
            fresh(),
            by("c").status(TicketStatus.NEW).assignee(AssigneeChange.to(ALICE)),
            refused("status")),
        row(
            "NEW on an assigned ticket",
            open(),
            by("c").status(TicketStatus.NEW),
            planned(change("status", "OPEN", "NEW"), change("assignee", ALICE_LABEL, null))
                .fixing("Status NEW means unassigned: Alice Agent was unassigned.")),
        // Pending fields only with PENDING; the duration positive and at most 30 days.
        row(
            "PENDING with reason and duration",
            open(),
            by("c")
                .status(TicketStatus.PENDING)
                .pendingReason(PendingReason.CUSTOMER)
                .pendingFor(Duration.ofHours(4)),
            planned(
                change("status", "OPEN", "PENDING"),
                change("pendingReason", null, "CUSTOMER"),
                change("pendingUntil", null, UNTIL_4H))),
        row(
            "PENDING without a reason",
            open(),
            by("c").status(TicketStatus.PENDING).pendingFor(Duration.ofHours(4)),
            refused("pendingReason")),
        row(
            "PENDING without a duration",
            open(),
            by("c").status(TicketStatus.PENDING).pendingReason(PendingReason.CUSTOMER),
            refused("pendingFor")),
        row("zero duration", open(), pending(Duration.ZERO), refused("pendingFor")),
        row("negative duration", open(), pending(Duration.ofHours(-1)), refused("pendingFor")),
        row(
            "30 days exactly",
            open(),
            pending(Duration.ofDays(30)),
            planned(
                change("status", "OPEN", "PENDING"),
                change("pendingReason", null, "CUSTOMER"),
                change("pendingUntil", null, NOW.plus(Duration.ofDays(30)).toString()))),
        row(
            "over 30 days",
            open(),
            pending(Duration.ofDays(30).plusSeconds(1)),
            refused("pendingFor")),
        row(
            "a pending reason without PENDING",
            open(),
            by("c").pendingReason(PendingReason.CUSTOMER),
            refused("pendingReason")),
        row(
            "a pending duration without PENDING",
            open(),
            by("c").pendingFor(Duration.ofHours(4)),
            refused("pendingFor")),
        row(
            "extending a PENDING ticket",
            suspended(),
            by("c").pendingFor(Duration.ofHours(4)),
            planned(change("pendingUntil", PENDING_UNTIL, UNTIL_4H))),
        row(
            "leaving PENDING clears its fields",
            suspended(),
            by("c").status(TicketStatus.OPEN),
            planned(
                change("status", "PENDING", "OPEN"),
                change("pendingReason", "CUSTOMER", null),
                change("pendingUntil", PENDING_UNTIL, null))),
        // A resolution type only (and always) with CLOSED.
        row(
            "CLOSED with a resolution",
            open(),
            by("c").status(TicketStatus.CLOSED).resolution(Resolution.WORKAROUND),
            planned(change("status", "OPEN", "CLOSED"), change("resolution", null, "WORKAROUND"))),
        row(
            "CLOSED without a resolution",
            open(),
            by("c").status(TicketStatus.CLOSED),
            planned(change("status", "OPEN", "CLOSED"), change("resolution", null, "SOLVED"))
                .fixing("CLOSED without a resolution type is SOLVED.")),
        row(
            "a resolution without CLOSED",
            open(),
            by("c").resolution(Resolution.SOLVED),
            refused("resolution")),
        row(
            "changing the resolution of a CLOSED ticket",
            closed(),
            by("c").resolution(Resolution.DUPLICATE),
            planned(change("resolution", "SOLVED", "DUPLICATE"))),
        // Reopening clears the resolution.
        row(
            "reopening",
            closed(),
            by("c").status(TicketStatus.OPEN),
            planned(change("status", "CLOSED", "OPEN"), change("resolution", "SOLVED", null))
                .fixing("Reopening clears the resolution type (was SOLVED).")),
        row(
            "priority alone",
            open(),
            by("c").priority(Priority.URGENT),
            planned(change("priority", "NORMAL", "URGENT"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void shouldPlanOrRefuseAsTheRulesSay(
      String rule, TicketState current, TicketUpdateRequest.Builder request, Expected expected) {
    if (expected.refusal() != null) {
      TicketRuleViolation refusal =
          catchThrowableOfType(
              TicketRuleViolation.class,
              () -> TicketUpdateRules.plan(current, request.build(), NOW, TicketPolicy.defaults()));
      assertThat(refusal).as("refused").isNotNull();
      assertThat(refusal.failure()).isEqualTo(expected.refusal());
      assertThat(refusal.field()).isEqualTo(expected.field());
      return;
    }
    TicketUpdatePlan plan =
        TicketUpdateRules.plan(current, request.build(), NOW, TicketPolicy.defaults());
    assertThat(plan.changes()).containsExactlyElementsOf(expected.changes());
    assertThat(plan.autoFixes()).containsExactlyElementsOf(expected.autoFixes());
    assertThat(plan.next().version)
        .isEqualTo(expected.changes().isEmpty() ? current.version : current.version + 1);
  }

  record Expected(
      List<FieldChange> changes, List<String> autoFixes, TicketFailure refusal, String field) {
    Expected fixing(String... fixes) {
      return new Expected(changes, Arrays.asList(fixes), null, null);
    }

    @Override
    public String toString() {
      return refusal == null ? changes + " " + autoFixes : refusal + " " + field;
    }
  }

  private static Arguments row(
      String rule, TicketState current, TicketUpdateRequest.Builder request, Expected expected) {
    return Arguments.of(rule, current, request, expected);
  }

  private static Expected planned(FieldChange... changes) {
    return new Expected(List.of(changes), List.of(), null, null);
  }

  private static Expected refused(String field) {
    return refusedAs(TicketFailure.INVALID_FIELD, field);
  }

  private static Expected refusedAs(TicketFailure failure, String field) {
    return new Expected(List.of(), List.of(), failure, field);
  }

  private static FieldChange change(String field, String from, String to) {
    return new FieldChange(field, from, to);
  }

  private static TicketUpdateRequest.Builder by(String comment) {
    return TicketUpdateRequest.by(ALICE_ACTOR, comment);
  }

  private static TicketUpdateRequest.Builder pending(Duration duration) {
    return by("c")
        .status(TicketStatus.PENDING)
        .pendingReason(PendingReason.CUSTOMER)
        .pendingFor(duration);
  }

  private static TicketState fresh() {
    TicketState ticket = TicketFixtures.newTicket(42, NOW.minus(Duration.ofHours(2)));
    ticket.version = 5;
    return ticket;
  }

  private static TicketState open() {
    TicketState ticket = fresh();
    ticket.status = TicketStatus.OPEN;
    ticket.assigneeId = ALICE.id();
    ticket.assigneeName = ALICE.displayName();
    ticket.assignedAt = NOW.minus(Duration.ofHours(1));
    return ticket;
  }

  private static TicketState suspended() {
    TicketState ticket = open();
    ticket.status = TicketStatus.PENDING;
    ticket.pendingReason = PendingReason.CUSTOMER;
    ticket.pendingUntil = NOW.plus(Duration.ofDays(1));
    return ticket;
  }

  private static TicketState closed() {
    TicketState ticket = open();
    ticket.status = TicketStatus.CLOSED;
    ticket.resolution = Resolution.SOLVED;
    ticket.closedAt = NOW.minus(Duration.ofMinutes(30));
    return ticket;
  }
}
