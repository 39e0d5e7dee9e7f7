package dev.tempodesk.api.assignment;

import static dev.tempodesk.db.jooq.Tables.AGENTS;
import static dev.tempodesk.db.jooq.Tables.GROUPS;
import static dev.tempodesk.db.jooq.Tables.GROUP_MEMBERS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.activities.assignment.AssignerActivitiesImpl;
import dev.tempodesk.activities.assignment.AssignerWakeUp;
import dev.tempodesk.activities.ticket.TicketOpening;
import dev.tempodesk.activities.ticket.TicketStoreActivitiesImpl;
import dev.tempodesk.activities.ticket.TicketWorkflowGateway;
import dev.tempodesk.api.NoMailbox;
import dev.tempodesk.api.PhoneTickets;
import dev.tempodesk.db.assignment.AssignmentRepository;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.jooq.tables.records.TicketsRecord;
import dev.tempodesk.db.message.MessageRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.db.ticket.TicketEventRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.workflows.assignment.AssignerInput;
import dev.tempodesk.workflows.assignment.AssignerWorkflow;
import dev.tempodesk.workflows.assignment.AssignerWorkflowImpl;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSearchAttributes;
import dev.tempodesk.workflows.ticket.TicketStatus;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A help desk for assignment tests: real Postgres, the real-time in-memory Temporal server (the one
 * the embedded mode runs), the ticket workflows and the assigner wired as in the app.
 */
public final class AssignmentDesk implements AutoCloseable {
  private static final String QUEUE = "assignment-test";

  public final TestJooq jooq;
  public final TicketRepository tickets;
  final AgentRepository agents;
  public final AssignmentRepository assignments;
  final TestWorkflowEnvironment temporal =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
  final AssignerWakeUp wakeUp = new AssignerWakeUp(temporal.getWorkflowClient());
  final TicketWorkflowGateway gateway =
      new TicketWorkflowGateway(
          temporal.getWorkflowClient(), QUEUE, TicketPolicy.defaults(), wakeUp);
  final AssignerActivitiesImpl assignerActivities;
  private final TicketOpening opening;
  private final ContactsRecord reporter;

  AssignmentDesk() {
    this(TestJooq.over(TestDatabases.fresh().dataSource()));
  }

  /** Over a database the caller provides (e.g. behind a connection pool, as in the app). */
  public AssignmentDesk(TestJooq jooq) {
    this.jooq = jooq;
    tickets = new TicketRepository(jooq.dsl());
    agents = new AgentRepository(jooq.dsl());
    assignments = new AssignmentRepository(jooq.dsl());
    assignerActivities =
        new AssignerActivitiesImpl(assignments, agents, gateway, jooq.transactions());
    opening =
        new TicketOpening(
            tickets,
            new TicketEventRepository(jooq.dsl()),
            new MessageRepository(jooq.dsl()),
            Clock.systemUTC());
    reporter =
        new ContactRepository(jooq.dsl())
            .findOrCreate("waiting@customer.example", "Wanda Waiting", null);
    TicketSearchAttributes.TYPES.forEach(temporal::registerSearchAttribute);
    Worker worker = temporal.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(
        TicketWorkflowImpl.class, AssignerWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new TicketStoreActivitiesImpl(
            tickets,
            new TicketEventRepository(jooq.dsl()),
            jooq.transactions(),
            JsonMapper.builder().build(),
            wakeUp),
        assignerActivities,
        NoMailbox.outboundMail(jooq),
        NoMailbox.ignoredNotifications());
    temporal.start();
  }

  /** Starts the assigner with a short history bound, so runs continue as new during a test. */
  public AssignerWorkflow startAssigner(int passesBeforeContinueAsNew) {
    AssignerWorkflow assigner =
        temporal
            .getWorkflowClient()
            .newWorkflowStub(
                AssignerWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId(AssignerWorkflow.WORKFLOW_ID)
                    .build());
    WorkflowClient.start(
        assigner::run,
        new AssignerInput(
            Duration.ofSeconds(30), Duration.ofSeconds(1), passesBeforeContinueAsNew, null));
    return assigner;
  }

  public AgentsRecord agent(String name, int capacity, boolean available) {
    AgentsRecord agent =
        agents.insert(
            name.toLowerCase() + "-" + UUID.randomUUID() + "@desk.example",
            name,
            "AGENT",
            capacity);
    if (!available) {
      setAvailable(agent.getId(), false);
    }
    return agent;
  }

  void setAvailable(long agentId, boolean available) {
    jooq.dsl()
        .update(AGENTS)
        .set(AGENTS.AVAILABLE, available)
        .where(AGENTS.ID.eq(agentId))
        .execute();
    wakeUp.wake();
  }

  void setCapacity(long agentId, int capacity) {
    jooq.dsl().update(AGENTS).set(AGENTS.CAPACITY, capacity).where(AGENTS.ID.eq(agentId)).execute();
    wakeUp.wake();
  }

  void setIdleSince(long agentId, OffsetDateTime idleSince) {
    jooq.dsl()
        .update(AGENTS)
        .set(AGENTS.IDLE_SINCE, idleSince)
        .where(AGENTS.ID.eq(agentId))
        .execute();
  }

  /** Opens a ticket as the API does: row first, then its workflow. */
  public long open(Priority priority, String subject) {
    TicketsRecord row =
        jooq.transactions()
            .execute(
                status ->
                    opening.open(
                        PhoneTickets.call(reporter, priority, subject, null, "assignment test")));
    gateway.startFromRow(row);
    return row.getNumber();
  }

  /**
   * Opens a ticket in {@code groupId} with {@code tags}, as a routing rule would leave it: the row
   * is written in the group before its workflow starts from it.
   */
  public long open(Priority priority, String subject, long groupId, String... tags) {
    TicketsRecord row =
        jooq.transactions()
            .execute(
                status -> {
                  TicketsRecord opened =
                      opening.open(
                          PhoneTickets.call(reporter, priority, subject, null, "assignment test"));
                  jooq.dsl()
                      .update(TICKETS)
                      .set(TICKETS.GROUP_ID, groupId)
                      .set(TICKETS.TAGS, tags)
                      .where(TICKETS.NUMBER.eq(opened.getNumber()))
                      .execute();
                  return tickets.find(opened.getNumber()).orElseThrow();
                });
    gateway.startFromRow(row);
    return row.getNumber();
  }

  /** The default group ("Support"): new agents and tickets land in it. */
  public long defaultGroup() {
    return jooq.dsl()
        .select(GROUPS.ID)
        .from(GROUPS)
        .where(GROUPS.IS_DEFAULT)
        .fetchSingle()
        .value1();
  }

  /** A new group whose tickets wait {@code skillWaitSeconds} for a skilled member. */
  public long group(String name, int skillWaitSeconds) {
    return jooq.dsl()
        .insertInto(GROUPS)
        .set(GROUPS.NAME, name)
        .set(GROUPS.SKILL_WAIT_SECONDS, skillWaitSeconds)
        .returning(GROUPS.ID)
        .fetchSingle()
        .getId();
  }

  /**
   * Makes {@code agent} a member of exactly {@code groupIds} (a new agent starts in the default
   * group).
   */
  public void memberOf(AgentsRecord agent, long... groupIds) {
    jooq.dsl().deleteFrom(GROUP_MEMBERS).where(GROUP_MEMBERS.AGENT_ID.eq(agent.getId())).execute();
    for (long groupId : groupIds) {
      jooq.dsl()
          .insertInto(GROUP_MEMBERS)
          .set(GROUP_MEMBERS.GROUP_ID, groupId)
          .set(GROUP_MEMBERS.AGENT_ID, agent.getId())
          .execute();
    }
    wakeUp.wake();
  }

  void setSkills(long agentId, String... skills) {
    jooq.dsl().update(AGENTS).set(AGENTS.SKILLS, skills).where(AGENTS.ID.eq(agentId)).execute();
    wakeUp.wake();
  }

  public void close(long number, Actor agent) {
    gateway
        .existing(number)
        .update(TicketUpdateRequest.by(agent, "Solved").status(TicketStatus.CLOSED).build());
  }

  TicketsRecord row(long number) {
    return tickets.find(number).orElseThrow();
  }

  Optional<Long> assigneeOf(long number) {
    return Optional.ofNullable(row(number).getAssigneeId());
  }

  public int openCount() {
    return jooq.dsl().fetchCount(TICKETS, TICKETS.STATUS.eq("OPEN"));
  }

  /** Polls every 5 ms until the condition holds; false if it did not within the timeout. */
  public static boolean within(Duration timeout, BooleanSupplier condition) {
    Instant giveUp = Instant.now().plus(timeout);
    while (Instant.now().isBefore(giveUp)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  /** Locks waited for in Postgres and the ticket workflow's stack, for a failure message. */
  String diagnostics(long ticket) {
    String locks =
        jooq.dsl()
            .fetch(
                "select pid, state, wait_event_type, wait_event, left(query, 120) q"
                    + " from pg_stat_activity where datname = current_database()")
            .format();
    String stack;
    try {
      stack =
          temporal
              .getWorkflowClient()
              .newUntypedWorkflowStub("ticket-" + ticket)
              .query("__stack_trace", String.class);
    } catch (RuntimeException e) {
      stack = e.toString();
    }
    StringBuilder threads = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (thread, frames) -> {
              if (thread.getName().startsWith("Activity Executor")) {
                threads.append(thread.getName()).append('\n');
                for (StackTraceElement frame : frames) {
                  threads.append("  ").append(frame).append('\n');
                }
              }
            });
    return locks + "\n" + stack + "\n" + threads;
  }

  @Override
  public void close() {
    temporal.close();
  }
}
