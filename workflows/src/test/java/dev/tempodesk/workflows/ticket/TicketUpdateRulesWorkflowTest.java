package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.BOB;
import static dev.tempodesk.workflows.ticket.TicketFixtures.RETIRED;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static dev.tempodesk.workflows.ticket.TicketWorkflowHarness.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of DESIGN.md "Ticket update", exercised through the workflow's Temporal Update. */
class TicketUpdateRulesWorkflowTest {
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();
  private long nextNumber = 1001;

  @AfterEach
  void stopServer() {
    harness.close();
  }

  static Stream<Arguments> rejectedRequests() {
    return Stream.of(
        Arguments.of("no comment", change(null).priority(Priority.HIGH), "comment"),
        Arguments.of("blank comment", change("   ").priority(Priority.HIGH), "comment"),
        Arguments.of("deactivated assignee", change("take it").assign(RETIRED), "assigneeId"),
        Arguments.of("OPEN without assignee", change("go").status(TicketStatus.OPEN), "assigneeId"),
        Arguments.of(
            "NEW while assigning", change("?").status(TicketStatus.NEW).assign(ALICE), "status"),
        Arguments.of(
            "pending reason without PENDING",
            change("wait").pendingReason(PendingReason.CUSTOMER),
            "pendingReason"),
        Arguments.of(
            "pending duration without PENDING",
            change("wait").pendingFor(Duration.ofHours(2)),
            "pendingFor"),
        Arguments.of(
            "PENDING without reason",
            change("wait").status(TicketStatus.PENDING).pendingFor(Duration.ofHours(2)),
            "pendingReason"),
        Arguments.of(
            "PENDING without duration",
            change("wait").status(TicketStatus.PENDING).pendingReason(PendingReason.CUSTOMER),
            "pendingFor"),
        Arguments.of(
            "zero suspension",
            change("wait").pending(PendingReason.CUSTOMER, Duration.ZERO),
            "pendingFor"),
        Arguments.of(
            "negative suspension",
            change("wait").pending(PendingReason.CUSTOMER, Duration.ofMinutes(-5)),
            "pendingFor"),
        Arguments.of(
            "suspension over 30 days",
            change("wait").pending(PendingReason.THIRD_PARTY, Duration.ofDays(30).plusSeconds(1)),
            "pendingFor"),
        Arguments.of(
            "resolution without CLOSED",
            change("done?").resolution(Resolution.WORKAROUND),
            "resolution"));
  }

  @ParameterizedTest(name = "{0} is rejected naming {2}")
  @MethodSource("rejectedRequests")
  void shouldRejectRuleBreakingUpdateNamingTheFieldAndWriteNothing(
      String why, TicketFixtures.Request request, String field) {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    TicketRuleViolation violation = rejectionOf(ticket, request.build());

    assertThat(violation.failure()).isEqualTo(TicketFailure.INVALID_FIELD);
    assertThat(violation.field()).isEqualTo(field);
    assertThat(harness.store.changes()).isEmpty();
    assertThat(ticket.current().version).isEqualTo(1);
    assertThat(ticket.current().status).isEqualTo(TicketStatus.NEW);
  }

  @Test
  void shouldAcceptSuspensionOfExactlyThirtyDays() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    Instant before = harness.now();

    TicketUpdateResult result =
        ticket.update(
            change("waiting for the carrier")
                .pending(PendingReason.THIRD_PARTY, Duration.ofDays(30))
                .build());

    assertThat(result.ticket().status).isEqualTo(TicketStatus.PENDING);
    assertThat(result.ticket().pendingUntil)
        .isBetween(before.plus(Duration.ofDays(30)), harness.now().plus(Duration.ofDays(30)));
  }

  @Test
  void shouldOpenNewTicketWhenItIsAssignedAndReportTheAutoFix() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    TicketUpdateResult result = ticket.update(change("yours, Alice").assign(ALICE).build());

    assertThat(result.ticket().status).isEqualTo(TicketStatus.OPEN);
    assertThat(result.ticket().assigneeId).isEqualTo(ALICE.id());
    assertThat(result.ticket().assignedAt).isNotNull();
    assertThat(result.autoFixes())
        .containsExactly("Assigning a NEW ticket opens it: status NEW → OPEN.");
    assertThat(result.changes())
        .extracting(FieldChange::field)
        .containsExactlyInAnyOrder("status", "assignee");
  }

  @Test
  void shouldReturnOpenTicketToQueueWhenUnassigned() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("yours").assign(ALICE).build());

    TicketUpdateResult result = ticket.update(change("back to the pool").unassign().build());

    assertThat(result.ticket().status).isEqualTo(TicketStatus.NEW);
    assertThat(result.ticket().assigneeId).isNull();
    assertThat(result.autoFixes())
        .containsExactly("Unassigning an OPEN ticket returns it to the queue: status OPEN → NEW.");
  }

  @Test
  void shouldUnassignWhenStatusIsSetBackToNew() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("yours").assign(BOB).build());

    TicketUpdateResult result = ticket.update(change("requeue").status(TicketStatus.NEW).build());

    assertThat(result.ticket().assigneeId).isNull();
    assertThat(result.autoFixes())
        .containsExactly("Status NEW means unassigned: Bob Agent was unassigned.");
  }

  @Test
  void shouldCloseAsSolvedWhenNoResolutionTypeIsGiven() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    Instant before = harness.now();

    TicketUpdateResult result = ticket.update(change("fixed").status(TicketStatus.CLOSED).build());

    assertThat(result.ticket().status).isEqualTo(TicketStatus.CLOSED);
    assertThat(result.ticket().resolution).isEqualTo(Resolution.SOLVED);
    assertThat(result.ticket().closedAt).isBetween(before, harness.now());
    assertThat(result.autoFixes()).containsExactly("CLOSED without a resolution type is SOLVED.");
  }

  @Test
  void shouldKeepTheGivenResolutionTypeWhenClosing() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    TicketUpdateResult result =
        ticket.update(
            change("dupe of #1000")
                .status(TicketStatus.CLOSED)
                .resolution(Resolution.DUPLICATE)
                .build());

    assertThat(result.ticket().resolution).isEqualTo(Resolution.DUPLICATE);
    assertThat(result.autoFixes()).isEmpty();
  }

  @Test
  void shouldClearResolutionWhenAgentReopensClosedTicket() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("fixed").assign(ALICE).status(TicketStatus.CLOSED).build());

    TicketUpdateResult result =
        ticket.update(change("not fixed after all").status(TicketStatus.OPEN).build());

    assertThat(result.ticket().status).isEqualTo(TicketStatus.OPEN);
    assertThat(result.ticket().resolution).isNull();
    assertThat(result.ticket().closedAt).isNull();
    assertThat(result.autoFixes())
        .containsExactly("Reopening clears the resolution type (was SOLVED).");
  }

  @Test
  void shouldLeavePendingWhenStatusChangesAndDropPendingFields() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("ask").assign(ALICE).build());
    ticket.update(change("waiting").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());

    TicketUpdateResult result = ticket.update(change("got it").status(TicketStatus.OPEN).build());

    assertThat(result.ticket().pendingReason).isNull();
    assertThat(result.ticket().pendingUntil).isNull();
  }

  @Test
  void shouldExtendSuspensionWithoutRepeatingTheReason() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("waiting").pending(PendingReason.CHANGE, Duration.ofDays(2)).build());
    Instant before = harness.now();

    TicketUpdateResult result =
        ticket.update(change("change window moved").pendingFor(Duration.ofDays(5)).build());

    assertThat(result.ticket().pendingReason).isEqualTo(PendingReason.CHANGE);
    assertThat(result.ticket().pendingUntil)
        .isBetween(before.plus(Duration.ofDays(5)), harness.now().plus(Duration.ofDays(5)));
  }

  @Test
  void shouldRefuseStaleExpectedVersionAsConflict() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);
    ticket.update(change("first").priority(Priority.HIGH).expectedVersion(1).build());

    TicketRuleViolation violation =
        rejectionOf(ticket, change("second").priority(Priority.LOW).expectedVersion(1).build());

    assertThat(violation.failure()).isEqualTo(TicketFailure.VERSION_CONFLICT);
    assertThat(violation.field()).isEqualTo("expectedVersion");
    assertThat(ticket.current().priority).isEqualTo(Priority.HIGH);
    assertThat(ticket.current().version).isEqualTo(2);
  }

  @Test
  void shouldRecordEveryAcceptedChangeWithCommentActorAndDiff() {
    TicketWorkflow ticket = harness.startNew(nextNumber++);

    ticket.update(change("urgent for the CEO").priority(Priority.URGENT).build());
    ticket.update(change("just a remark").build());

    assertThat(harness.store.changes()).hasSize(2);
    TicketChangeRecord first = harness.store.changes().getFirst();
    assertThat(first.event().comment()).isEqualTo("urgent for the CEO");
    assertThat(first.event().actor()).isEqualTo(TicketFixtures.ALICE_ACTOR);
    assertThat(first.event().changes())
        .containsExactly(new FieldChange("priority", "NORMAL", "URGENT"));
    assertThat(first.ticket().version).isEqualTo(2);
    TicketChangeRecord commentOnly = harness.store.last();
    assertThat(commentOnly.event().changes()).isEmpty();
    assertThat(commentOnly.ticket().version).as("a comment alone changes no field").isEqualTo(2);
  }
}
