package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.BOB;
import static dev.tempodesk.workflows.ticket.TicketFixtures.CUSTOMER;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.notification.NoticeKind;
import dev.tempodesk.workflows.notification.TicketNotice;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which notices the ticket workflow sends, and its search attributes, in virtual time. */
class TicketNotificationWorkflowTest {
  private final TicketWorkflowHarness harness = new TicketWorkflowHarness();

  @AfterEach
  void stopServer() {
    harness.close();
  }

  private List<TicketNotice> noticesOf(long number) {
    return harness.notifications.notices().stream()
        .filter(notice -> notice.ticketNumber() == number)
        .toList();
  }

  @Test
  void shouldNoticeAssignmentEscalationAndCloseOnceEach() {
    TicketWorkflow ticket = harness.startNew(6001);
    ticket.update(change("yours").assign(ALICE).build());
    ticket.update(change("customer is down").priority(Priority.URGENT).assign(BOB).build());
    ticket.update(change("still urgent").priority(Priority.URGENT).build());
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofSeconds(1));

    assertThat(noticesOf(6001))
        .extracting(TicketNotice::kind)
        // Deliveries run concurrently, so the activity sees them in any order.
        .containsExactlyInAnyOrder(
            NoticeKind.CUSTOMER_LOAD_CHANGED, // counted when the run starts
            NoticeKind.ASSIGNED,
            NoticeKind.ASSIGNED,
            NoticeKind.ESCALATED_TO_URGENT,
            NoticeKind.CLOSED,
            NoticeKind.CUSTOMER_LOAD_CHANGED);
    assertThat(noticesOf(6001))
        .filteredOn(notice -> notice.kind() == NoticeKind.ASSIGNED)
        .extracting(TicketNotice::assigneeId)
        .containsExactlyInAnyOrder(ALICE.id(), BOB.id());
    assertThat(noticesOf(6001)).extracting(TicketNotice::noticeId).doesNotHaveDuplicates();
  }

  @Test
  void shouldNoticeEachSlaWarningAndBreachToTheAssignee() {
    TicketState created = TicketFixtures.newTicket(6002, harness.now());
    created.priority = Priority.URGENT;
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    ticket.update(change("yours").assign(ALICE).build());
    harness.sleep(Duration.ofHours(5));

    List<TicketNotice> sla =
        noticesOf(6002).stream()
            .filter(n -> n.kind() == NoticeKind.SLA_WARNING || n.kind() == NoticeKind.SLA_BREACHED)
            .toList();
    assertThat(sla)
        .extracting(TicketNotice::kind, TicketNotice::detail, TicketNotice::assigneeId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                NoticeKind.SLA_WARNING, "RESOLVE SLA WARNING", ALICE.id()),
            org.assertj.core.groups.Tuple.tuple(
                NoticeKind.SLA_BREACHED, "RESOLVE SLA BREACH", ALICE.id()));
    // The alarm fires on the timer, a few milliseconds of test-server time after the deadline.
    Instant due = created.createdAt.plus(Duration.ofHours(4));
    assertThat(sla.getLast().occurredAt()).isBetween(due, due.plusSeconds(1));
  }

  @Test
  void shouldRepeatStartNoticesAfterContinueAsNewWithTheSameIds() {
    TicketPolicy smallHistory = new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 30);
    TicketWorkflow ticket =
        harness.start(TicketFixtures.newTicket(6003, harness.now()), smallHistory);
    for (int round = 0; round < 4; round++) {
      ticket.update(
          change("wait " + round).pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());
      ticket.newMessage(new InboundMessage("m-" + round, CUSTOMER, null));
      harness.sleep(Duration.ofMinutes(1));
    }

    List<String> startIds =
        noticesOf(6003).stream()
            .filter(n -> n.kind() == NoticeKind.CUSTOMER_LOAD_CHANGED)
            .map(TicketNotice::noticeId)
            .toList();
    assertThat(startIds).as("one per run at least, continue-as-new happened").hasSizeGreaterThan(1);
    assertThat(startIds).containsOnly("ticket-6003-opened:CUSTOMER_LOAD_CHANGED");
  }

  @Test
  void shouldKeepSearchAttributesAndSubjectMemoCurrent() {
    TicketState created = TicketFixtures.newTicket(6004, harness.now());
    created.priority = Priority.URGENT;
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    ticket.update(change("yours").assign(ALICE).build());

    Map<String, Object> before = searchAttributes(ticket);
    assertThat(before)
        .containsEntry("TicketStatus", "OPEN")
        .containsEntry("TicketPriority", "URGENT")
        .containsEntry("TicketAssignee", "1")
        .containsEntry("SlaBreached", false);
    harness.sleep(Duration.ofHours(4).plusSeconds(1));
    assertThat(searchAttributes(ticket)).containsEntry("SlaBreached", true);
    Payload subject =
        describe(ticket).getWorkflowExecutionInfo().getMemo().getFieldsOrThrow("subject");
    assertThat(
            DefaultDataConverter.newDefaultInstance()
                .fromPayload(subject, String.class, String.class))
        .isEqualTo(created.subject);
  }

  private DescribeWorkflowExecutionResponse describe(TicketWorkflow ticket) {
    return harness
        .env
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(harness.env.getNamespace())
                .setExecution(WorkflowStub.fromTyped(ticket).getExecution())
                .build());
  }

  private Map<String, Object> searchAttributes(TicketWorkflow ticket) {
    Map<String, Payload> fields =
        describe(ticket).getWorkflowExecutionInfo().getSearchAttributes().getIndexedFieldsMap();
    var converter = DefaultDataConverter.newDefaultInstance();
    return Map.of(
        "TicketStatus",
            converter.fromPayload(fields.get("TicketStatus"), String.class, String.class),
        "TicketPriority",
            converter.fromPayload(fields.get("TicketPriority"), String.class, String.class),
        "TicketAssignee",
            converter.fromPayload(fields.get("TicketAssignee"), String.class, String.class),
        "SlaBreached",
            converter.fromPayload(fields.get("SlaBreached"), Boolean.class, Boolean.class));
  }
}
