package dev.tempodesk.activities.ticket;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tempodesk.activities.nylas.NylasClient;
import dev.tempodesk.activities.nylas.NylasSettings;
import dev.tempodesk.activities.outbound.OutboundMailActivitiesImpl;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketEventsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.people.OrganizationRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.AgentRef;
import dev.tempodesk.workflows.ticket.AssigneeChange;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.InboundMessage;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaStatus;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateResult;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import dev.tempodesk.workflows.ticket.TicketWorkflowInput;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ticket workflow with the real store activity over a real Postgres: after every change the
 * tickets row says what the workflow says, and the audit trail gained exactly the event for it.
 */
class TicketProjectionIntegrationTest {
  private static final String TASK_QUEUE = "tickets-projection-test";
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final DSLContext dsl = jooq.dsl();
  private final TicketRepository tickets = new TicketRepository(dsl);
  private final TicketEventRepository events = new TicketEventRepository(dsl);
  private final JsonMapper json = JsonMapper.builder().build();
  private final TicketStoreActivitiesImpl store =
      new TicketStoreActivitiesImpl(tickets, events, jooq.transactions(), json);

  private TestWorkflowEnvironment env;
  private AgentsRecord alice;
  private AgentsRecord bob;
  private ContactsRecord carla;
  private OrganizationsRecord acme;
  private AssetsRecord router;

  @BeforeEach
  void setUp() {
    AgentRepository agents = new AgentRepository(dsl);
    alice = agents.insert("alice@tempodesk.dev", "Alice Agent", "AGENT", 5);
    bob = agents.insert("bob@tempodesk.dev", "Bob Agent", "AGENT", 5);
    OrganizationRepository organizations = new OrganizationRepository(dsl);
    acme = organizations.insert("Acme", "acme.example");
    router = organizations.insertAsset(acme.getId(), "core-router-1", "ROUTER", null);
    carla =
        new ContactRepository(dsl)
            .findOrCreate("carla@acme.example", "Carla Customer", acme.getId());

    env = TestWorkflowEnvironment.newInstance();
    TicketSearchAttributes.TYPES.forEach(env::registerSearchAttribute);
    Worker worker = env.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(TicketWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        store,
        new IgnoredNotifications(),
        OutboundMailActivitiesImpl.over(
            dsl, jooq.transactions(), unusedNylas(), Clock.systemUTC()));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void shouldMirrorEveryChangeOfTheWorkflowInTheRowAndTheAuditTrail() {
    TicketState created = newTicket();
    long number = created.number;
    // Columns owned by the mail sync; no projection write may touch them.
    long mailbox =
        dsl.insertInto(MAILBOXES)
            .set(MAILBOXES.GRANT_ID, "grant-1")
            .set(MAILBOXES.EMAIL, "support@tempodesk.dev")
            .returning(MAILBOXES.ID)
            .fetchOne()
            .getId();
    dsl.update(TICKETS)
        .set(TICKETS.MAILBOX_ID, mailbox)
        .set(TICKETS.THREAD_ID, "thread-7")
        .where(TICKETS.NUMBER.eq(number))
        .execute();
    TicketWorkflow ticket = start(created);
    Trail trail = new Trail(number);
    Actor aliceActor = Actor.agent(alice.getId(), "Alice Agent");
    Actor customer = Actor.contact(carla.getId(), "Carla Customer");
    String aliceLabel = "Alice Agent (#" + alice.getId() + ")";
    String bobLabel = "Bob Agent (#" + bob.getId() + ")";

    // Assigning a NEW ticket opens it.
    TicketUpdateResult assigned = ticket.update(change("Taking this one").assign(alice).build());
    assertThat(assigned.autoFixes()).hasSize(1);
    TicketState state = projected(ticket, 2);
    TicketEventsRecord event = trail.added();
    assertThat(state.status).isEqualTo(TicketStatus.OPEN);
    assertThat(state.assigneeId).isEqualTo(alice.getId());
    assertThat(state.assignedAt).isEqualTo(event.getOccurredAt().toInstant());
    assertEvent(
        event,
        2,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Taking this one",
        new FieldChange("status", "NEW", "OPEN"),
        new FieldChange("assignee", null, aliceLabel));
    Instant firstAssigned = state.assignedAt;

    ticket.update(change("Whole office is offline").priority(Priority.URGENT).build());
    state = projected(ticket, 3);
    assertThat(state.priority).isEqualTo(Priority.URGENT);
    assertThat(row(number).getResolveDueAt().toInstant())
        .as("escalation caps 24 h to the URGENT 4 h")
        .isEqualTo(row(number).getUpdatedAt().toInstant().plus(Duration.ofHours(4)));
    assertThat(row(number).getSlaSortKey())
        .isEqualTo(row(number).getResolveDueAt().toInstant().toEpochMilli());
    assertEvent(
        trail.added(),
        3,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Whole office is offline",
        new FieldChange("priority", "NORMAL", "URGENT"));

    // A comment alone is audited but is no new version of the ticket.
    ticket.update(change("Called Carla, she is collecting logs").build());
    state = projected(ticket, 3);
    assertEvent(
        trail.added(),
        3,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Called Carla, she is collecting logs");

    ticket.update(change("Bob knows this router").assign(bob).build());
    state = projected(ticket, 4);
    assertThat(state.status).isEqualTo(TicketStatus.OPEN);
    assertThat(state.assigneeId).isEqualTo(bob.getId());
    assertThat(state.assignedAt).as("first assignment is kept").isEqualTo(firstAssigned);
    assertEvent(
        trail.added(),
        4,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Bob knows this router",
        new FieldChange("assignee", aliceLabel, bobLabel));

    // Unassigning an OPEN ticket returns it to the queue.
    ticket.update(change("Back to the queue").unassign().build());
    state = projected(ticket, 5);
    assertThat(state.status).isEqualTo(TicketStatus.NEW);
    assertThat(state.assigneeId).isNull();
    assertEvent(
        trail.added(),
        5,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Back to the queue",
        new FieldChange("status", "OPEN", "NEW"),
        new FieldChange("assignee", bobLabel, null));

    ticket.update(change("Mine again").assign(alice).build());
    state = projected(ticket, 6);
    assertThat(state.status).isEqualTo(TicketStatus.OPEN);
    assertEvent(
        trail.added(),
        6,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Mine again",
        new FieldChange("status", "NEW", "OPEN"),
        new FieldChange("assignee", null, aliceLabel));

    ticket.update(
        change("Need the router logs").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());
    state = projected(ticket, 7);
    event = trail.added();
    Instant customerDeadline = event.getOccurredAt().toInstant().plus(Duration.ofDays(2));
    assertThat(state.status).isEqualTo(TicketStatus.PENDING);
    assertThat(state.pendingReason).isEqualTo(PendingReason.CUSTOMER);
    assertThat(state.pendingUntil).isEqualTo(customerDeadline);
    assertEvent(
        event,
        7,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Need the router logs",
        new FieldChange("status", "OPEN", "PENDING"),
        new FieldChange("pendingReason", null, "CUSTOMER"),
        new FieldChange("pendingUntil", null, customerDeadline.toString()));

    // The customer's answer ends the suspension.
    ticket.newMessage(new InboundMessage(UUID.randomUUID().toString(), customer, null));
    state = awaitProjected(ticket, 8);
    assertThat(state.status).isEqualTo(TicketStatus.OPEN);
    assertThat(state.pendingReason).isNull();
    assertThat(state.pendingUntil).isNull();
    assertEvent(
        trail.added(),
        8,
        TicketEvent.Kind.RESUMED_BY_CUSTOMER,
        customer,
        null,
        new FieldChange("status", "PENDING", "OPEN"),
        new FieldChange("pendingReason", "CUSTOMER", null),
        new FieldChange("pendingUntil", customerDeadline.toString(), null));

    ticket.update(
        change("Waiting for the carrier")
            .pending(PendingReason.THIRD_PARTY, Duration.ofDays(3))
            .build());
    state = projected(ticket, 9);
    event = trail.added();
    Instant carrierDeadline = event.getOccurredAt().toInstant().plus(Duration.ofDays(3));
    assertThat(state.pendingUntil).isEqualTo(carrierDeadline);
    assertEvent(
        event,
        9,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Waiting for the carrier",
        new FieldChange("status", "OPEN", "PENDING"),
        new FieldChange("pendingReason", null, "THIRD_PARTY"),
        new FieldChange("pendingUntil", null, carrierDeadline.toString()));

    env.sleep(Duration.ofDays(3).minusMinutes(1));
    assertThat(row(number).getVersion()).as("nothing happens before the deadline").isEqualTo(9L);
    env.sleep(Duration.ofMinutes(2));
    state = awaitProjected(ticket, 10);
    event = trail.added();
    assertThat(state.status).isEqualTo(TicketStatus.OPEN);
    assertThat(event.getOccurredAt().toInstant()).isAfterOrEqualTo(carrierDeadline);
    assertEvent(
        event,
        10,
        TicketEvent.Kind.PENDING_EXPIRED,
        Actor.SYSTEM,
        null,
        new FieldChange("status", "PENDING", "OPEN"),
        new FieldChange("pendingReason", "THIRD_PARTY", null),
        new FieldChange("pendingUntil", carrierDeadline.toString(), null));

    // Closing without a resolution type means SOLVED.
    TicketUpdateResult closed =
        ticket.update(change("Carrier fixed the line").status(TicketStatus.CLOSED).build());
    assertThat(closed.autoFixes()).hasSize(1);
    state = projected(ticket, 11);
    event = trail.added();
    assertThat(state.status).isEqualTo(TicketStatus.CLOSED);
    assertThat(state.resolution).isEqualTo(Resolution.SOLVED);
    assertThat(state.closedAt).isEqualTo(event.getOccurredAt().toInstant());
    assertEvent(
        event,
        11,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Carrier fixed the line",
        new FieldChange("status", "OPEN", "CLOSED"),
        new FieldChange("resolution", null, "SOLVED"));

    // A customer message within the reopen window reopens the ticket.
    env.sleep(Duration.ofDays(1));
    ticket.newMessage(new InboundMessage(UUID.randomUUID().toString(), customer, null));
    state = awaitProjected(ticket, 12);
    assertThat(state.status).isEqualTo(TicketStatus.OPEN);
    assertThat(state.resolution).isNull();
    assertThat(state.closedAt).isNull();
    assertEvent(
        trail.added(),
        12,
        TicketEvent.Kind.REOPENED_BY_CUSTOMER,
        customer,
        null,
        new FieldChange("status", "CLOSED", "OPEN"),
        new FieldChange("resolution", "SOLVED", null));

    ticket.update(
        change("Closing unless Carla answers")
            .pending(PendingReason.CLOSE, Duration.ofDays(5))
            .build());
    state = projected(ticket, 13);
    event = trail.added();
    Instant closeDeadline = event.getOccurredAt().toInstant().plus(Duration.ofDays(5));
    assertEvent(
        event,
        13,
        TicketEvent.Kind.UPDATED,
        aliceActor,
        "Closing unless Carla answers",
        new FieldChange("status", "OPEN", "PENDING"),
        new FieldChange("pendingReason", null, "CLOSE"),
        new FieldChange("pendingUntil", null, closeDeadline.toString()));

    env.sleep(Duration.ofDays(5).plusMinutes(1));
    state = awaitProjected(ticket, 14);
    event = trail.added();
    assertThat(state.status).isEqualTo(TicketStatus.CLOSED);
    assertThat(state.resolution).isEqualTo(Resolution.NO_RESPONSE);
    assertThat(state.closedAt).isEqualTo(event.getOccurredAt().toInstant());
    assertEvent(
        event,
        14,
        TicketEvent.Kind.CLOSED_FOR_NO_RESPONSE,
        Actor.SYSTEM,
        null,
        new FieldChange("status", "PENDING", "CLOSED"),
        new FieldChange("pendingReason", "CLOSE", null),
        new FieldChange("pendingUntil", closeDeadline.toString(), null),
        new FieldChange("resolution", null, "NO_RESPONSE"));

    TicketsRecord last = row(number);
    assertThat(last.getMailboxId()).isEqualTo(mailbox);
    assertThat(last.getThreadId()).isEqualTo("thread-7");
    // CLOSED: the resolve clock is paused with what it had left, the list sorts it last.
    assertThat(last.getResolveDueAt()).isNull();
    assertThat(last.getResolveRemainingMs()).isEqualTo(state.resolveClock.remaining.toMillis());
    assertThat(last.getSlaSortKey()).isEqualTo(Long.MAX_VALUE);
    assertThat(last.getAssignDueAt()).as("assigned: the assign clock stopped").isNull();
    assertThat(trail.size()).isEqualTo(14);
  }

  @Test
  void shouldStoreARetriedChangeOnce() {
    TicketState created = newTicket();
    TicketChangeRecord assign = assignment(created, alice);

    store.recordChange(assign);
    store.recordChange(assign);

    assertThat(events.listForTicket(created.number))
        .singleElement()
        .satisfies(event -> assertThat(event.getId().toString()).isEqualTo(assign.event().id()));
    assertThat(row(created.number).getVersion()).isEqualTo(2L);
  }

  @Test
  void shouldNotRollTheRowBackWhenAnOlderChangeIsRetriedLate() {
    TicketState created = newTicket();
    TicketChangeRecord assign = assignment(created, alice);
    TicketState raised = assign.ticket().copy();
    raised.priority = Priority.HIGH;
    raised.version = 3;
    TicketChangeRecord raise =
        new TicketChangeRecord(
            raised,
            event(
                TicketEvent.Kind.UPDATED,
                "raised",
                List.of(new FieldChange("priority", "NORMAL", "HIGH")),
                assign.event().occurredAt().plusSeconds(60)));

    store.recordChange(assign);
    store.recordChange(raise);
    store.recordChange(assign);

    TicketsRecord after = row(created.number);
    assertThat(after.getVersion()).isEqualTo(3L);
    assertThat(after.getPriority()).isEqualTo("HIGH");
    assertThat(after.getStatus()).isEqualTo("OPEN");
    assertThat(after.getUpdatedAt()).isEqualTo(TicketRows.at(raise.event().occurredAt()));
    assertThat(events.listForTicket(created.number))
        .extracting(event -> event.getId().toString())
        .containsExactlyInAnyOrder(assign.event().id(), raise.event().id());
  }

  @Test
  void shouldLeaveTheRowAloneWhenItsEventCannotBeStored() {
    TicketState created = newTicket();
    TicketChangeRecord assign = assignment(created, alice);
    // The event and the row are one transaction: an event the table refuses (here one without an
    // actor name) must not leave a moved ticket behind.
    TicketEvent event = assign.event();
    TicketChangeRecord broken =
        new TicketChangeRecord(
            assign.ticket(),
            new TicketEvent(
                event.id(),
                event.kind(),
                new Actor(Actor.Kind.AGENT, alice.getId(), null),
                event.comment(),
                event.changes(),
                event.occurredAt()));

    assertThatThrownBy(() -> store.recordChange(broken)).isInstanceOf(DataAccessException.class);

    TicketsRecord after = row(created.number);
    assertThat(after.getVersion()).isEqualTo(1L);
    assertThat(after.getStatus()).isEqualTo("NEW");
    assertThat(events.listForTicket(created.number)).isEmpty();
  }

  @Test
  void shouldRestoreTheWorkflowsClocksFromTheRow() {
    TicketState created = newTicket();
    TicketWorkflow ticket = start(created);
    env.sleep(Duration.ofMinutes(90));
    ticket.update(
        change("Need the router logs").pending(PendingReason.CUSTOMER, Duration.ofDays(2)).build());

    TicketState state = ticket.current();
    TicketState restored = TicketRows.toState(row(created.number), null);

    Instant pausedAt = row(created.number).getUpdatedAt().toInstant();
    assertThat(state.resolveClock.remaining)
        .isEqualTo(Duration.between(pausedAt, created.createdAt.plus(Duration.ofHours(24))));
    assertThat(restored.assignClock).usingRecursiveComparison().isEqualTo(state.assignClock);
    assertThat(restored.resolveClock).usingRecursiveComparison().isEqualTo(state.resolveClock);
    Instant later = Instant.ofEpochMilli(env.currentTimeMillis()).plus(Duration.ofHours(1));
    assertThat(SlaStatus.of(restored, later)).isEqualTo(SlaStatus.of(state, later));
  }

  @Test
  void shouldStartTheClocksWhenATicketIsOpened() {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    TicketOpening opening =
        new TicketOpening(
            tickets,
            events,
            new MessageRepository(dsl),
            Clock.fixed(now, ZoneOffset.UTC),
            SlaPolicy.defaults());
    MessagesRecord first =
        new MessagesRecord()
            .setId(UUID.randomUUID())
            .setDirection("INBOUND")
            .setAuthorContactId(carla.getId())
            .setBodyText("Office is offline")
            .setOccurredAt(TicketRows.at(now));

    TicketsRecord row =
        opening.open(
            NewTicket.byAgent(
                    Channel.PHONE,
                    Actor.agent(alice.getId(), "Alice Agent"),
                    carla,
                    "Office offline",
                    Priority.URGENT,
                    first,
                    "Carla called")
                .inOrganization(acme.getId()));

    TicketsRecord stored = row(row.getNumber());
    assertThat(stored.getAssignDueAt().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(15)));
    assertThat(stored.getResolveDueAt().toInstant()).isEqualTo(now.plus(Duration.ofHours(4)));
    assertThat(stored.getSlaSortKey()).isEqualTo(now.plus(Duration.ofHours(4)).toEpochMilli());
    TicketState restored = TicketRows.toState(stored, null);
    assertThat(SlaStatus.of(restored, now.plusSeconds(60)).remainingToAssign())
        .isEqualTo(Duration.ofMinutes(14));
  }

  // ---------------------------------------------------------------- helpers

  /** A NEW ticket, inserted as the app does before it starts the ticket's workflow. */
  private TicketState newTicket() {
    TicketState ticket = new TicketState();
    ticket.number = tickets.nextNumber();
    ticket.subject = "VPN tunnel drops every hour";
    ticket.status = TicketStatus.NEW;
    ticket.priority = Priority.NORMAL;
    ticket.reporterId = carla.getId();
    ticket.organizationId = acme.getId();
    ticket.assetId = router.getId();
    ticket.channel = Channel.EMAIL;
    ticket.createdAt = Instant.ofEpochMilli(env.currentTimeMillis());
    ticket.version = 1;
    tickets.insert(TicketRows.toRow(ticket, ticket.createdAt));
    return ticket;
  }

  private TicketWorkflow start(TicketState ticket) {
    TicketWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                TicketWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TASK_QUEUE)
                    .setWorkflowId(TicketWorkflow.workflowId(ticket.number))
                    .build());
    WorkflowClient.start(workflow::run, new TicketWorkflowInput(ticket, TicketPolicy.defaults()));
    return workflow;
  }

  private TicketChangeRecord assignment(TicketState before, AgentsRecord agent) {
    TicketState after = before.copy();
    after.status = TicketStatus.OPEN;
    after.assigneeId = agent.getId();
    after.assigneeName = agent.getDisplayName();
    after.assignedAt = before.createdAt.plusSeconds(60);
    after.version = 2;
    return new TicketChangeRecord(
        after,
        event(
            TicketEvent.Kind.UPDATED,
            "mine",
            List.of(
                new FieldChange("status", "NEW", "OPEN"),
                new FieldChange(
                    "assignee", null, agent.getDisplayName() + " (#" + agent.getId() + ")")),
            after.assignedAt));
  }

  private TicketEvent event(
      TicketEvent.Kind kind, String comment, List<FieldChange> changes, Instant occurredAt) {
    return new TicketEvent(
        UUID.randomUUID().toString(),
        kind,
        Actor.agent(alice.getId(), alice.getDisplayName()),
        comment,
        changes,
        occurredAt);
  }

  private TicketsRecord row(long number) {
    return tickets.find(number).orElseThrow();
  }

  /** The workflow's state after an update, which returns once the projection is written. */
  private TicketState projected(TicketWorkflow ticket, long version) {
    TicketState state = ticket.current();
    assertThat(state.version).isEqualTo(version);
    assertThat(facts(row(state.number))).isEqualTo(facts(state));
    return state;
  }

  /** The same after a signal or a timer, which the workflow applies in its own time. */
  private TicketState awaitProjected(TicketWorkflow ticket, long version) {
    await().atMost(Duration.ofSeconds(20)).until(() -> ticket.current().version >= version);
    return projected(ticket, version);
  }

  /** The columns the workflow owns, as comparable values. */
  private static Map<String, Object> facts(TicketsRecord row) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("number", row.getNumber());
    facts.put("subject", row.getSubject());
    facts.put("status", row.getStatus());
    facts.put("priority", row.getPriority());
    facts.put("assignee_id", row.getAssigneeId());
    facts.put("reporter_id", row.getReporterId());
    facts.put("organization_id", row.getOrganizationId());
    facts.put("asset_id", row.getAssetId());
    facts.put("channel", row.getChannel());
    facts.put("pending_reason", row.getPendingReason());
    facts.put("pending_until", instant(row.getPendingUntil()));
    facts.put("resolution", row.getResolution());
    facts.put("created_at", instant(row.getCreatedAt()));
    facts.put("assigned_at", instant(row.getAssignedAt()));
    facts.put("first_response_at", instant(row.getFirstResponseAt()));
    facts.put("closed_at", instant(row.getClosedAt()));
    facts.put("version", row.getVersion());
    facts.put("assign_due_at", instant(row.getAssignDueAt()));
    facts.put("assign_remaining_ms", row.getAssignRemainingMs());
    facts.put("assign_breached", row.getAssignBreached());
    facts.put("resolve_due_at", instant(row.getResolveDueAt()));
    facts.put("resolve_remaining_ms", row.getResolveRemainingMs());
    facts.put("resolve_breached", row.getResolveBreached());
    facts.put("sla_sort_key", row.getSlaSortKey());
    return facts;
  }

  private static Map<String, Object> facts(TicketState state) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("number", state.number);
    facts.put("subject", state.subject);
    facts.put("status", state.status.name());
    facts.put("priority", state.priority.name());
    facts.put("assignee_id", state.assigneeId);
    facts.put("reporter_id", state.reporterId);
    facts.put("organization_id", state.organizationId);
    facts.put("asset_id", state.assetId);
    facts.put("channel", state.channel.name());
    facts.put("pending_reason", state.pendingReason == null ? null : state.pendingReason.name());
    facts.put("pending_until", state.pendingUntil);
    facts.put("resolution", state.resolution == null ? null : state.resolution.name());
    facts.put("created_at", state.createdAt);
    facts.put("assigned_at", state.assignedAt);
    facts.put("first_response_at", state.firstResponseAt);
    facts.put("closed_at", state.closedAt);
    facts.put("version", state.version);
    SlaClock assign = state.assignClock;
    SlaClock resolve = state.resolveClock;
    facts.put("assign_due_at", assign.dueAt);
    facts.put("assign_remaining_ms", assign.remaining == null ? null : assign.remaining.toMillis());
    facts.put("assign_breached", assign.breached);
    facts.put("resolve_due_at", resolve.dueAt);
    facts.put(
        "resolve_remaining_ms", resolve.remaining == null ? null : resolve.remaining.toMillis());
    facts.put("resolve_breached", resolve.breached);
    facts.put("sla_sort_key", resolve.running() ? resolve.dueAt.toEpochMilli() : Long.MAX_VALUE);
    return facts;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private void assertEvent(
      TicketEventsRecord event,
      long ticketVersion,
      TicketEvent.Kind kind,
      Actor actor,
      String comment,
      FieldChange... changes) {
    assertThat(event.getTicketVersion()).isEqualTo(ticketVersion);
    assertThat(event.getKind()).isEqualTo(kind.name());
    assertThat(event.getActorKind()).isEqualTo(actor.kind().name());
    assertThat(event.getActorId()).isEqualTo(actor.id());
    assertThat(event.getActorName()).isEqualTo(actor.name());
    assertThat(event.getComment()).isEqualTo(comment);
    // Read back the way the API does, so the stored JSON is checked against its consumer.
    assertThat(json.readValue(event.getChanges().data(), CHANGES)).containsExactly(changes);
    // The row carries the time of the change that last wrote it.
    assertThat(row(event.getTicketNumber()).getUpdatedAt()).isEqualTo(event.getOccurredAt());
  }

  private Request change(String comment) {
    return new Request(comment);
  }

  /** The audit trail of one ticket, handing out each new event once. */
  private final class Trail {
    private final long number;
    private final Set<UUID> seen = new HashSet<>();

    Trail(long number) {
      this.number = number;
    }

    /** The one event written since the last call; fails unless there is exactly one. */
    TicketEventsRecord added() {
      List<TicketEventsRecord> fresh = new ArrayList<>();
      for (TicketEventsRecord event : events.listForTicket(number)) {
        if (!seen.contains(event.getId())) {
          fresh.add(event);
        }
      }
      assertThat(fresh).hasSize(1);
      seen.add(fresh.getFirst().getId());
      return fresh.getFirst();
    }

    int size() {
      return events.listForTicket(number).size();
    }
  }

  /** An agent's change, naming only the fields a step sets. */
  private final class Request {
    private final String comment;
    private TicketStatus status;
    private Priority priority;
    private AssigneeChange assignee;
    private PendingReason pendingReason;
    private Duration pendingFor;

    Request(String comment) {
      this.comment = comment;
    }

    Request status(TicketStatus value) {
      status = value;
      return this;
    }

    Request priority(Priority value) {
      priority = value;
      return this;
    }

    Request assign(AgentsRecord agent) {
      assignee = AssigneeChange.to(new AgentRef(agent.getId(), agent.getDisplayName(), true));
      return this;
    }

    Request unassign() {
      assignee = AssigneeChange.unassign();
      return this;
    }

    Request pending(PendingReason reason, Duration duration) {
      status = TicketStatus.PENDING;
      pendingReason = reason;
      pendingFor = duration;
      return this;
    }

    TicketUpdateRequest build() {
      return TicketUpdateRequest.by(Actor.agent(alice.getId(), alice.getDisplayName()), comment)
          .status(status)
          .priority(priority)
          .assignee(assignee)
          .pendingReason(pendingReason)
          .pendingFor(pendingFor)
          .build();
    }
  }

  /** A client that is never called: nothing is mailed in these tests. */
  private static NylasClient unusedNylas() {
    NylasSettings settings = NylasSettings.of(HttpUrl.get("http://127.0.0.1:9/"), "unused", null);
    return new NylasClient(settings, NylasClient.defaultHttpClient(settings), Thread::sleep);
  }
}
