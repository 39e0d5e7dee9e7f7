package dev.tempodesk.workflows.ticket;

import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE;
import static dev.tempodesk.workflows.ticket.TicketFixtures.ALICE_ACTOR;
import static dev.tempodesk.workflows.ticket.TicketFixtures.CUSTOMER;
import static dev.tempodesk.workflows.ticket.TicketFixtures.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.workflows.calendar.BusinessCalendar;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link TicketWorkflowReplayTest} replays. Runs only on request (see
 * src/test/resources/histories/README.md): a recorded history stands for workflows already running
 * in production, so it must not change with the code.
 */
class TicketHistoryRecorder {
  // Surefire runs with the module directory as working directory.
  private static final Path HISTORIES = Path.of("src/test/resources/histories");

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void shouldRecordTicketHistories() throws IOException {
    // v5: SLA policies (change id "sla-policies"): the policy is looked up by a local activity at
    // the start. The v1 to v4 sets stay as recorded (v4 wrote the lifecycle, continue-as-new, sla
    // and replies scenarios below under -v4 names).
    try (TicketWorkflowHarness harness = new TicketWorkflowHarness()) {
      write("ticket-lifecycle-v5.json", recordLifecycle(harness));
      write("ticket-continue-as-new-v5.json", recordFirstRunBeforeContinueAsNew(harness));
    }
    try (TicketWorkflowHarness harness = new TicketWorkflowHarness(FRIDAY_1755)) {
      write("ticket-sla-policies-v5.json", recordSlaPolicies(harness));
    }
  }

  private static final Instant FRIDAY_1755 = SlaFixtures.berlin("2026-12-04T17:55");

  /**
   * A ticket under a business-hours policy, created Friday 17:55: first-response warning and breach
   * on Monday, assignment, a first reply, a customer message starting a next-reply cycle, an
   * escalation that switches to another policy, the next-reply alarms of that policy, a reply, a
   * recalculation after the policy changed, PENDING CUSTOMER (pausing resolution only), a customer
   * message resuming it and starting a cycle, closing and completion.
   */
  private static WorkflowExecutionHistory recordSlaPolicies(TicketWorkflowHarness harness) {
    BusinessCalendar nineToSix = SlaFixtures.weekdays("09:00", "18:00");
    AppliedSla enterprise =
        SlaFixtures.policy(3, "Enterprise", nineToSix)
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1))
            .target(SlaMetric.NEXT_REPLY, Duration.ofHours(2))
            .target(SlaMetric.RESOLUTION, Duration.ofHours(16))
            .pausedBy(SlaMetric.FIRST_RESPONSE)
            .pausedBy(SlaMetric.NEXT_REPLY)
            .pausedBy(SlaMetric.RESOLUTION, PendingReason.CUSTOMER)
            .build();
    AppliedSla urgentLane =
        SlaFixtures.policy(4, "Urgent lane", nineToSix)
            .target(SlaMetric.TIME_TO_ASSIGN, Duration.ofMinutes(15))
            .target(SlaMetric.NEXT_REPLY, Duration.ofHours(1))
            .target(SlaMetric.RESOLUTION, Duration.ofHours(4))
            .build();
    AppliedSla urgentLaneEdited =
        SlaFixtures.policy(4, "Urgent lane", nineToSix)
            .target(SlaMetric.NEXT_REPLY, Duration.ofMinutes(30))
            .target(SlaMetric.RESOLUTION, Duration.ofHours(3))
            .build();
    harness.store.governBy(facts -> facts.priority() == Priority.URGENT ? urgentLane : enterprise);
    TicketWorkflow ticket =
        harness.start(TicketFixtures.newTicket(3101, FRIDAY_1755), TicketPolicy.defaults());
    harness.sleepUntil(SlaFixtures.berlin("2026-12-07T10:00"));
    ticket.update(change("yours").assign(ALICE).build());
    ticket.reply(reply("Looking into it.", null));
    ticket.newMessage(customerMessage("m-1"));
    harness.sleep(Duration.ofMinutes(30));
    ticket.update(change("whole office down").priority(Priority.URGENT).build());
    harness.sleep(Duration.ofHours(2));
    ticket.reply(reply("Try this.", null));
    harness.store.governBy(
        facts -> facts.priority() == Priority.URGENT ? urgentLaneEdited : enterprise);
    ticket.recalculateSla(new SlaRecalculation("policy \"Urgent lane\" changed"));
    harness.sleep(Duration.ofMinutes(1));
    ticket.update(change("logs?").pending(PendingReason.CUSTOMER, Duration.ofDays(1)).build());
    harness.sleep(Duration.ofHours(1));
    ticket.newMessage(customerMessage("m-2"));
    harness.sleep(Duration.ofMinutes(1));
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    assertThat(harness.store.eventKinds())
        .filteredOn(kind -> kind == TicketEvent.Kind.SLA_POLICY_APPLIED)
        .hasSize(3);
    assertThat(harness.store.eventKinds())
        .filteredOn(kind -> kind == TicketEvent.Kind.AWAITING_REPLY)
        .hasSize(1);
    assertThat(harness.store.eventKinds()).contains(TicketEvent.Kind.SLA_BREACHED);
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return harness.client.fetchHistory(TicketWorkflow.workflowId(3101));
  }

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void shouldRecordLocalAlarmWriteHistory() throws IOException {
    try (TicketWorkflowHarness harness = new TicketWorkflowHarness()) {
      // The v4 SLA scenario with each alarm written by a local activity ("sla-alarm-local-write").
      write("ticket-sla-local-alarm-writes.json", recordSlaAlarms(harness));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void shouldRecordPoliciesWithLocalAlarmWritesHistory() throws IOException {
    // v6: the v5 SLA policies scenario from the merged code: "sla-policies" and
    // "sla-alarm-local-write" together, as every ticket started from now on records them.
    try (TicketWorkflowHarness harness = new TicketWorkflowHarness(FRIDAY_1755)) {
      write("ticket-sla-policies-v6.json", recordSlaPolicies(harness));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void shouldRecordTagsHistory() throws IOException {
    // Issue 19: updates that set, add and remove tags, among the usual lifecycle.
    try (TicketWorkflowHarness harness = new TicketWorkflowHarness()) {
      write("ticket-tags-v1.json", recordTags(harness));
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "tempodesk.recordHistories", matches = "true")
  void shouldRecordGroupsHistory() throws IOException {
    // Issue 21: a ticket moved between groups ("group-sla" = 1 on the first move).
    try (TicketWorkflowHarness harness = new TicketWorkflowHarness()) {
      write("ticket-groups-v1.json", recordGroups(harness));
    }
  }

  /**
   * Assignment, a move to Billing whose default policy then applies (the policy looked up again), a
   * move to Network with the assignee unassigned in the same change, a priority change, closing,
   * completion.
   */
  private static WorkflowExecutionHistory recordGroups(TicketWorkflowHarness harness) {
    AppliedSla billingHours =
        SlaFixtures.policy(5, "Billing hours", BusinessCalendar.alwaysOpen())
            .target(SlaMetric.RESOLUTION, Duration.ofHours(4))
            .build();
    java.util.concurrent.atomic.AtomicBoolean inBilling =
        new java.util.concurrent.atomic.AtomicBoolean();
    harness.store.governBy(facts -> inBilling.get() ? billingHours : null);
    TicketWorkflow ticket = harness.startNew(3006);
    ticket.update(change("yours").assign(ALICE).build());
    inBilling.set(true);
    ticket.update(change("invoice question").group(new GroupRef(3, "Billing")).build());
    inBilling.set(false);
    ticket.update(
        change("a network problem after all").group(new GroupRef(4, "Network")).unassign().build());
    ticket.update(change("customer is blocked").priority(Priority.HIGH).build());
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    TicketState last = harness.store.last().ticket();
    assertThat(last.groupName).isEqualTo("Network");
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return harness.client.fetchHistory(TicketWorkflow.workflowId(3006));
  }

  /**
   * Assignment with tags set, tags added with a priority change, a tag-only change, a change that
   * leaves the tags as they were, PENDING, a customer message, tags removed on closing, completion.
   */
  private static WorkflowExecutionHistory recordTags(TicketWorkflowHarness harness) {
    TicketWorkflow ticket = harness.startNew(3005);
    ticket.update(change("yours").assign(ALICE).setTags("VPN", " Remote Office ").build());
    ticket.update(change("big customer").priority(Priority.HIGH).addTags("vip").build());
    ticket.update(change("tag only").addTags("router").build());
    ticket.update(change("nothing new").addTags("vip").build());
    ticket.update(change("need logs").pending(PendingReason.CUSTOMER, Duration.ofDays(1)).build());
    ticket.newMessage(customerMessage("m-1"));
    harness.sleep(Duration.ofSeconds(1));
    ticket.update(
        change("fixed")
            .status(TicketStatus.CLOSED)
            .tags(new TagChange(null, List.of("solved-remotely"), List.of("router")))
            .build());
    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    assertThat(harness.store.last().ticket().tags)
        .containsExactly("remote-office", "solved-remotely", "vip", "vpn");
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return harness.client.fetchHistory(TicketWorkflow.workflowId(3005));
  }

  /** Updates, a duplicated message, a cancelled and a fired timer, reopening and completion. */
  private static WorkflowExecutionHistory recordLifecycle(TicketWorkflowHarness harness) {
    TicketWorkflow ticket = harness.startNew(3001);
    ticket.update(change("yours").assign(ALICE).build());
    ticket.update(change("customer is blocked").priority(Priority.HIGH).build());
    ticket.update(change("need logs").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());
    ticket.newMessage(customerMessage("m-1"));
    ticket.newMessage(customerMessage("m-1"));
    harness.sleep(Duration.ofSeconds(1));
    ticket.update(
        change("ask the carrier").pending(PendingReason.THIRD_PARTY, Duration.ofDays(1)).build());
    harness.sleep(Duration.ofDays(1).plusSeconds(1));
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(2));
    ticket.newMessage(customerMessage("m-2"));
    harness.sleep(Duration.ofSeconds(1));
    ticket.update(change("fixed for real").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    assertThat(harness.store.eventKinds())
        .filteredOn(kind -> !kind.name().startsWith("SLA_"))
        .containsExactly(
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.RESUMED_BY_CUSTOMER,
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.PENDING_EXPIRED,
            TicketEvent.Kind.UPDATED,
            TicketEvent.Kind.REOPENED_BY_CUSTOMER,
            TicketEvent.Kind.UPDATED);
    assertThat(harness.store.last().ticket().resolution).isEqualTo(Resolution.SOLVED);
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return harness.client.fetchHistory(TicketWorkflow.workflowId(3001));
  }

  /** The first run only: its history ends in the continue-as-new command that replay must match. */
  private static WorkflowExecutionHistory recordFirstRunBeforeContinueAsNew(
      TicketWorkflowHarness harness) {
    TicketPolicy smallHistory = new TicketPolicy(Duration.ofDays(7), Duration.ofDays(30), 30);
    TicketWorkflow ticket =
        harness.start(TicketFixtures.newTicket(3002, harness.now()), smallHistory);
    String firstRunId = WorkflowStub.fromTyped(ticket).getExecution().getRunId();

    ticket.update(change("yours").assign(ALICE).build());
    // With a threshold of 30 events the run continues as new during the second round.
    for (int round = 0; round < 3; round++) {
      ticket.update(
          change("wait " + round).pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());
      ticket.newMessage(customerMessage("m-" + round));
      harness.sleep(Duration.ofMinutes(1));
    }

    String workflowId = TicketWorkflow.workflowId(3002);
    String currentRunId =
        harness.client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
    assertThat(currentRunId).as("the workflow continued as new").isNotEqualTo(firstRunId);
    return harness.client.fetchHistory(workflowId, firstRunId);
  }

  /**
   * An URGENT ticket whose assign warning fires, then escalated with little time left, paused,
   * resumed, breached on both clocks, updated at the exact breach instant and closed.
   */
  private static WorkflowExecutionHistory recordSlaAlarms(TicketWorkflowHarness harness) {
    TicketState created = TicketFixtures.newTicket(3003, harness.now());
    created.priority = Priority.HIGH;
    TicketWorkflow ticket = harness.start(created, TicketPolicy.defaults());
    harness.sleep(Duration.ofMinutes(50));
    ticket.update(change("escalate").priority(Priority.URGENT).build());
    ticket.update(change("logs?").pending(PendingReason.CUSTOMER, Duration.ofHours(2)).build());
    harness.sleep(Duration.ofMinutes(30));
    ticket.newMessage(customerMessage("m-1"));
    harness.sleep(Duration.ofMinutes(15));
    ticket.update(change("yours").assign(ALICE).build());
    harness.sleep(
        Duration.between(harness.now(), ticket.current().resolveClock.dueAt).plusSeconds(1));
    ticket.update(change("relax").priority(Priority.LOW).build());
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    assertThat(harness.store.changes())
        .filteredOn(change -> change.ticket().number == 3003)
        .extracting(change -> change.event().kind())
        .filteredOn(kind -> kind.name().startsWith("SLA_"))
        .hasSize(4);
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return harness.client.fetchHistory(TicketWorkflow.workflowId(3003));
  }

  /**
   * An acknowledged ticket: a reply whose send fails twice before it goes out, a note, a reply that
   * sets PENDING, a reply refused until its last attempt and sent again on the agent's retry, a
   * customer message, closing and completion.
   */
  private static WorkflowExecutionHistory recordReplies(TicketWorkflowHarness harness) {
    harness.mail.acknowledgementDue.add(3004L);
    TicketWorkflow ticket = harness.startNew(3004);
    ticket.update(change("yours").assign(ALICE).build());
    harness.mail.failNextSends(2);
    ticket.reply(reply("We are looking into it.", null));
    harness.sleep(Duration.ofMinutes(1));
    ticket.addNote(new NoteRequest(ALICE_ACTOR, "Probably the router", false));
    ticket.reply(
        reply(
            "Please send the logs.",
            change("waiting for logs")
                .pending(PendingReason.CUSTOMER, Duration.ofDays(1))
                .build()));
    harness.sleep(Duration.ofMinutes(1));
    ticket.newMessage(customerMessage("m-1"));
    harness.mail.refuseEverySend();
    ReplyResult refused = ticket.reply(reply("Thanks, fixed.", null));
    harness.sleep(Duration.ofHours(1));
    harness.mail.allowSends();
    ticket.retryReply(new RetryReplyRequest(ALICE_ACTOR, refused.messageId()));
    harness.sleep(Duration.ofMinutes(1));
    ticket.update(change("fixed").status(TicketStatus.CLOSED).build());
    harness.sleep(Duration.ofDays(7).plusSeconds(1));

    assertThat(harness.mail.status("ack-3004")).isEqualTo("SENT");
    assertThat(harness.mail.status(refused.messageId())).isEqualTo("SENT");
    assertThat(harness.statusOf(ticket))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    return harness.client.fetchHistory(TicketWorkflow.workflowId(3004));
  }

  private static ReplyRequest reply(String body, TicketUpdateRequest statusChange) {
    return new ReplyRequest(ALICE_ACTOR, body, false, List.of(), statusChange);
  }

  private static InboundMessage customerMessage(String id) {
    return new InboundMessage(id, CUSTOMER, null);
  }

  private static void write(String name, WorkflowExecutionHistory history) throws IOException {
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(name), history.toJson(true));
  }
}
