package dev.tempodesk.api.mail;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;
import static dev.tempodesk.db.jooq.Tables.MAILBOX_THREADS;
import static dev.tempodesk.db.jooq.Tables.MESSAGES;
import static dev.tempodesk.db.jooq.Tables.QUARANTINED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.SKIPPED_MESSAGES;
import static dev.tempodesk.db.jooq.Tables.TICKETS;
import static dev.tempodesk.db.jooq.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.outbound.OutboundMailSender;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultKind;
import dev.tempodesk.fakes.nylas.FaultPlan;
import dev.tempodesk.fakes.nylas.InboundEmail;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * No email is lost or doubled: 2,000 messages over 400 threads, replies arriving across many poll
 * cycles, while the fake Nylas answers with 5xx, 429 and slow responses and serves duplicated and
 * reordered pages, the database server is stopped for a few seconds and started again (mail keeps
 * arriving meanwhile), and the worker is killed and restarted three times. The size can be raised
 * with -Dtempodesk.noLoss.messages=10000.
 */
class MailIngestNoLossTest {
  private static final int MESSAGE_COUNT = Integer.getInteger("tempodesk.noLoss.messages", 2000);
  private static final int THREAD_COUNT = MESSAGE_COUNT / 5;
  // Every new ticket is acknowledged by mail through the same faults (the fake keeps a keyed send's
  // error answers as Nylas does); -Dtempodesk.noLoss.acknowledge=false measures the ingest alone.
  private static final boolean ACKNOWLEDGE =
      Boolean.parseBoolean(System.getProperty("tempodesk.noLoss.acknowledge", "true"));
  // Longer than a ticket write's 10 s timeout and the sync pass's 10 s heartbeat timeout: attempts
  // stuck waiting for a connection are given up by Temporal and retried, and wake up later.
  private static final Duration DATABASE_DOWNTIME =
      Duration.ofSeconds(Integer.getInteger("tempodesk.noLoss.databaseDowntimeSeconds", 12));

  @Test
  void shouldStoreEveryMessageExactlyOnceWithOneTicketPerThreadThroughFaultsCrashesAndARestart()
      throws Exception {
    FaultPlan faults =
        FaultPlan.seeded(20261122)
            .internalErrors(0.01)
            .badGateways(0.01)
            .gatewayTimeouts(0.01)
            .rateLimits(0.01, 1)
            .slowResponses(0.02, Duration.ofMillis(300))
            .duplicatedPages(0.2)
            .reorderedPages(0.2);
    OffsetDateTime testStart = OffsetDateTime.now();
    try (RestartableDatabase database = RestartableDatabase.start();
        MailPipeline pipeline =
            new MailPipeline(
                FakeNylasServer.start("pipeline-key", "pipeline-client", faults),
                2,
                ACKNOWLEDGE,
                database.dataSource())) {
      pipeline.startSync(Duration.ofMillis(300));
      Instant runStart = Instant.now();
      Set<Integer> workerKills =
          Set.of(MESSAGE_COUNT / 4, MESSAGE_COUNT / 2, 3 * MESSAGE_COUNT / 4);
      CompletableFuture<Void> databaseRestart = null;
      FakeMessage lastArrival = null;
      Random random = new Random(42);
      List<FakeMessage> threadStarts = new ArrayList<>();
      Map<String, Integer> expectedSkips = new HashMap<>();
      int customerMail = 0;
      for (int i = 0; i < MESSAGE_COUNT; i++) {
        boolean newThread =
            threadStarts.size() < THREAD_COUNT && (i % 5 == 0 || threadStarts.isEmpty());
        String parent =
            newThread ? null : threadStarts.get(random.nextInt(threadStarts.size())).id();
        if (!newThread && i % 97 == 0) {
          // Out-of-office answers and list mail come in too; they must be recorded, not ingested.
          pipeline.nylas.receive(
              MailPipeline.GRANT,
              new InboundEmail(
                  "Auto",
                  "ooo" + i + "@customer.example",
                  MailPipeline.ADDRESS,
                  "Out of office",
                  "I am away",
                  parent,
                  Map.of("Auto-Submitted", "auto-replied")));
          expectedSkips.merge("AUTO_REPLY", 1, Integer::sum);
          continue;
        }
        FakeMessage message =
            pipeline.nylas.receive(
                MailPipeline.GRANT,
                new InboundEmail(
                    "Customer " + (i % 37),
                    "c" + (i % 37) + "@customer.example",
                    MailPipeline.ADDRESS,
                    newThread ? "Problem " + i : "Re: follow-up",
                    "Message body " + i,
                    parent,
                    Map.of()));
        lastArrival = message;
        customerMail++;
        if (newThread) {
          threadStarts.add(message);
        }
        if (i % 50 == 49) {
          Thread.sleep(40); // let poll cycles interleave with arrivals
        }
        if (i == 3 * MESSAGE_COUNT / 8) {
          // Mail goes on arriving while the database is down.
          databaseRestart = restartInBackground(database);
        }
        if (workerKills.contains(i)) {
          if (databaseRestart != null) {
            // One fault at a time: the pipeline must recover from the restart on its own, with
            // the same worker, before that worker is killed.
            databaseRestart.get(1, TimeUnit.MINUTES);
            databaseRestart = null;
            awaitProgress(pipeline);
          }
          pipeline.killWorker();
          Thread.sleep(500);
          pipeline.startWorker();
        }
      }
      pipeline.nylas.addDraft(MailPipeline.GRANT, "c1@customer.example", "Draft", "unsent", null);
      expectedSkips.merge("DRAFT", 1, Integer::sum);

      int expectedStored = customerMail;
      Instant deadline = Instant.now().plus(Duration.ofMinutes(ACKNOWLEDGE ? 6 : 4));
      String syncId = MailboxSyncWorkflow.workflowId(MailPipeline.GRANT);
      Instant nextCheck = Instant.now();
      int syncRestarts = 0;
      while (storedMessages(pipeline) < expectedStored && Instant.now().isBefore(deadline)) {
        if (Instant.now().isAfter(nextCheck)) {
          // The in-memory server's lost workflow task (see MailPipeline), its history saved first.
          if (pipeline.lostWorkflowTask(syncId, Duration.ofSeconds(30))) {
            System.out.printf(
                "no-loss: workflow task of the sync lost by the in-memory server, history in %s%n",
                saveHistory(pipeline, syncId));
            pipeline.restartSync();
            syncRestarts++;
          }
          nextCheck = Instant.now().plusSeconds(10);
        }
        Thread.sleep(250);
      }
      Thread.sleep(2_000); // later passes re-list the overlap: nothing may be stored twice
      Duration runTime = Duration.between(runStart, Instant.now());

      var dsl = pipeline.jooq.dsl();
      int stored = storedMessages(pipeline);
      int distinctProviderIds =
          dsl.fetchValue(
              DSL.select(DSL.countDistinct(MESSAGES.PROVIDER_MESSAGE_ID))
                  .from(MESSAGES)
                  .where(MESSAGES.DIRECTION.eq("INBOUND")));
      int tickets = dsl.fetchCount(TICKETS);
      int mappedThreads = dsl.fetchCount(MAILBOX_THREADS);
      int ticketThreads =
          dsl.fetchValue(DSL.select(DSL.countDistinct(TICKETS.THREAD_ID)).from(TICKETS));
      Map<String, Integer> skips =
          dsl.select(SKIPPED_MESSAGES.REASON, DSL.count())
              .from(SKIPPED_MESSAGES)
              // Copies of the acknowledgements come back as the sends finish; checked below.
              .where(SKIPPED_MESSAGES.REASON.ne("OUTBOUND_COPY"))
              .groupBy(SKIPPED_MESSAGES.REASON)
              .fetchMap(SKIPPED_MESSAGES.REASON, DSL.count());
      // Outages (the database restart, injected 5xx/429, worker kills) are nobody's message's
      // fault: they fail the pass, which is retried; none may leave a message in quarantine. A
      // race between a killed worker's pass and its retry (both storing one message: a unique
      // violation) is recorded as the message's failure and heals on the next pass (RESOLVED).
      List<String> quarantined =
          dsl.select(
                  QUARANTINED_MESSAGES.PROVIDER_MESSAGE_ID,
                  QUARANTINED_MESSAGES.STATUS,
                  QUARANTINED_MESSAGES.ERROR)
              .from(QUARANTINED_MESSAGES)
              .fetch(row -> row.value1() + " " + row.value2() + ": " + row.value3());
      System.out.printf("no-loss: quarantine rows %s%n", quarantined);
      Map<FaultKind, Long> injected = pipeline.nylas.faultCounts();
      System.out.printf(
          "no-loss: injected %d customer messages in %d threads; stored %d (distinct %d),"
              + " tickets %d, mapped threads %d, skipped %s; faults %s; 1 database restart"
              + " (%d s down), %d worker kills; sync re-created after a lost workflow task %d"
              + " times; drained in %d s%n",
          customerMail,
          threadStarts.size(),
          stored,
          distinctProviderIds,
          tickets,
          mappedThreads,
          skips,
          injected,
          DATABASE_DOWNTIME.toSeconds(),
          workerKills.size(),
          syncRestarts,
          runTime.toSeconds());

      if (stored < expectedStored) {
        System.out.printf(
            "no-loss: the sync stopped short; its history is in %s%n",
            saveHistory(pipeline, MailboxSyncWorkflow.workflowId(MailPipeline.GRANT)));
      }
      assertThat(stored).isEqualTo(expectedStored);
      assertThat(distinctProviderIds).isEqualTo(expectedStored);
      assertThat(tickets).isEqualTo(THREAD_COUNT);
      assertThat(mappedThreads).isEqualTo(THREAD_COUNT);
      assertThat(ticketThreads).isEqualTo(THREAD_COUNT);
      assertThat(skips).isEqualTo(expectedSkips);
      assertThat(quarantined)
          .as("messages left in quarantine by outages")
          .allSatisfy(row -> assertThat(row).contains(" RESOLVED: "));
      long serverErrors =
          injected.getOrDefault(FaultKind.INTERNAL_ERROR, 0L)
              + injected.getOrDefault(FaultKind.BAD_GATEWAY, 0L)
              + injected.getOrDefault(FaultKind.GATEWAY_TIMEOUT, 0L);
      assertThat(serverErrors).as("5xx answers were injected").isPositive();
      assertThat(database.serverStartedAt())
          .as("the database server was restarted during the run")
          .isAfter(testStart);
      assertSyncKeptGoing(pipeline, lastArrival);
      assertNoTicketWorkflowFailed(pipeline);
      if (ACKNOWLEDGE) {
        assertEachTicketAcknowledgedOnce(pipeline);
      }
      assertThat(injected)
          .as("the run was really disturbed")
          .containsKeys(
              FaultKind.RATE_LIMITED,
              FaultKind.SLOW_RESPONSE,
              FaultKind.DUPLICATED_PAGE,
              FaultKind.REORDERED_PAGE);
    }
  }

  private static CompletableFuture<Void> restartInBackground(RestartableDatabase database) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            database.restart(DATABASE_DOWNTIME);
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("The database did not come back", e);
          }
        });
  }

  private static void awaitProgress(MailPipeline pipeline) throws InterruptedException {
    int before = storedMessages(pipeline);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (storedMessages(pipeline) == before && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(storedMessages(pipeline)).as("mail stored after the restart").isGreaterThan(before);
  }

  /** The sync is still running and its cursor reached the newest mail: nothing left it stuck. */
  private static void assertSyncKeptGoing(MailPipeline pipeline, FakeMessage lastArrival) {
    WorkflowExecutionStatus status =
        pipeline
            .temporal
            .getWorkflowClient()
            .newUntypedWorkflowStub(MailboxSyncWorkflow.workflowId(MailPipeline.GRANT))
            .describe()
            .getStatus();
    assertThat(status).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    Long cursor =
        pipeline
            .jooq
            .dsl()
            .fetchValue(MAILBOXES.SYNC_CURSOR, MAILBOXES.ID.eq(pipeline.mailbox.getId()));
    assertThat(cursor).as("sync cursor").isGreaterThanOrEqualTo(lastArrival.date());
  }

  /**
   * Activities failed and were retried while the database was down; no ticket workflow gave up, and
   * none is stalled with a task nobody picks up (a minute is far longer than any task waits).
   */
  private static void assertNoTicketWorkflowFailed(MailPipeline pipeline) {
    WorkflowClient client = pipeline.temporal.getWorkflowClient();
    long stalledBefore = Instant.now().minus(Duration.ofMinutes(1)).getEpochSecond();
    Map<String, Long> states =
        pipeline.jooq.dsl().select(TICKETS.NUMBER).from(TICKETS).fetch(TICKETS.NUMBER).stream()
            .map(
                number ->
                    client
                        .newUntypedWorkflowStub(TicketWorkflow.workflowId(number))
                        .describe()
                        .getRawDescription())
            .map(
                description -> {
                  var status = description.getWorkflowExecutionInfo().getStatus();
                  boolean stalled =
                      description.hasPendingWorkflowTask()
                          && description.getPendingWorkflowTask().getScheduledTime().getSeconds()
                              < stalledBefore;
                  if (stalled) {
                    System.out.printf(
                        "no-loss: stalled workflow, history in %s%n",
                        saveHistory(
                            pipeline,
                            description.getWorkflowExecutionInfo().getExecution().getWorkflowId()));
                  }
                  return stalled ? "STALLED" : status.name();
                })
            .collect(Collectors.groupingBy(state -> state, Collectors.counting()));
    assertThat(states)
        .containsOnlyKeys(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING.name());
  }

  /** What became of the tickets without a sent acknowledgement, to tell a lost one apart. */
  private static String unacknowledged(MailPipeline pipeline) {
    var dsl = pipeline.jooq.dsl();
    StringBuilder report = new StringBuilder("tickets without a sent acknowledgement:");
    for (var ticket :
        dsl.selectFrom(TICKETS)
            .where(
                DSL.notExists(
                    DSL.selectOne()
                        .from(MESSAGES)
                        .where(
                            MESSAGES.TICKET_NUMBER.eq(TICKETS.NUMBER),
                            MESSAGES.DIRECTION.eq("OUTBOUND"),
                            MESSAGES.DELIVERY_STATUS.eq("SENT"))))
            .fetch()) {
      var outbound =
          dsl.select(MESSAGES.ID, MESSAGES.DELIVERY_STATUS, MESSAGES.DELIVERY_ERROR)
              .from(MESSAGES)
              .where(
                  MESSAGES.TICKET_NUMBER.eq(ticket.getNumber()), MESSAGES.DIRECTION.eq("OUTBOUND"))
              .fetch();
      var events =
          dsl.select(TICKET_EVENTS.KIND)
              .from(TICKET_EVENTS)
              .where(TICKET_EVENTS.TICKET_NUMBER.eq(ticket.getNumber()))
              .fetch(TICKET_EVENTS.KIND);
      var description =
          pipeline
              .temporal
              .getWorkflowClient()
              .newUntypedWorkflowStub(TicketWorkflow.workflowId(ticket.getNumber()))
              .describe()
              .getRawDescription();
      Path saved = saveHistory(pipeline, TicketWorkflow.workflowId(ticket.getNumber()));
      report
          .append("\n#")
          .append(ticket.getNumber())
          .append(" acknowledgementDue=")
          .append(ticket.getAcknowledgementDue())
          .append(" outbound=")
          .append(outbound.format())
          .append(" events=")
          .append(events)
          .append(" workflow=")
          .append(description.getWorkflowExecutionInfo().getStatus())
          .append(" pending activities=")
          .append(description.getPendingActivitiesList())
          .append(" history=")
          .append(
              pipeline
                  .temporal
                  .getWorkflowClient()
                  .fetchHistory(TicketWorkflow.workflowId(ticket.getNumber()))
                  .getEvents()
                  .stream()
                  .map(MailIngestNoLossTest::describe)
                  .toList())
          .append(" saved as ")
          .append(saved);
    }
    return report.toString();
  }

  /** A workflow's whole history as JSON under target/, to read or replay later. */
  private static Path saveHistory(MailPipeline pipeline, String workflowId) {
    Path file = Path.of("target", "no-loss-histories", workflowId + ".json");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, pipeline.temporal.getWorkflowClient().fetchHistory(workflowId).toJson(true));
      return file.toAbsolutePath();
    } catch (IOException e) {
      return null;
    }
  }

  private static String describe(HistoryEvent event) {
    String type = event.getEventType().name().replace("EVENT_TYPE_", "");
    if (event.hasActivityTaskScheduledEventAttributes()) {
      return type
          + " "
          + event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
    }
    if (event.hasActivityTaskCompletedEventAttributes()) {
      return type
          + " "
          + event.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList().stream()
              .map(payload -> payload.getData().toStringUtf8())
              .toList();
    }
    if (event.hasActivityTaskFailedEventAttributes()) {
      return type + " " + event.getActivityTaskFailedEventAttributes().getFailure().getMessage();
    }
    if (event.hasActivityTaskTimedOutEventAttributes()) {
      return type + " " + event.getActivityTaskTimedOutEventAttributes().getFailure().getMessage();
    }
    return type;
  }

  private static int storedMessages(MailPipeline pipeline) {
    return pipeline.jooq.dsl().fetchCount(MESSAGES, MESSAGES.DIRECTION.eq("INBOUND"));
  }

  /**
   * Every ticket is acknowledged exactly once, although sends met the same faults and worker kills,
   * and Nylas' answers (errors included) are replayed for their Idempotency-Key: counted at the
   * fake by our id in each mail, every acknowledgement row SENT, none left QUEUED or FAILED.
   */
  private static void assertEachTicketAcknowledgedOnce(MailPipeline pipeline)
      throws InterruptedException {
    var dsl = pipeline.jooq.dsl();
    var outboundRows = MESSAGES.DIRECTION.eq("OUTBOUND");
    var sentRows = outboundRows.and(MESSAGES.DELIVERY_STATUS.eq("SENT"));
    // A send lost with a killed worker is tried again after its 2-minute start-to-close timeout.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    Instant nextCheck = Instant.now();
    List<Long> recovered = new ArrayList<>();
    while (dsl.fetchCount(MESSAGES, sentRows) < THREAD_COUNT && Instant.now().isBefore(deadline)) {
      if (Instant.now().isAfter(nextCheck)) {
        // The in-memory server's lost workflow tasks (see MailPipeline), its history saved first.
        for (long number : pipeline.lostWorkflowTasks(Duration.ofSeconds(30))) {
          System.out.printf(
              "no-loss: workflow task of #%d lost by the in-memory server, history in %s%n",
              number, saveHistory(pipeline, TicketWorkflow.workflowId(number)));
          pipeline.recreate(number);
          recovered.add(number);
        }
        nextCheck = Instant.now().plusSeconds(10);
      }
      Thread.sleep(250);
    }
    List<FakeMessage> mailed = pipeline.nylas.sent(MailPipeline.GRANT);
    Map<String, Long> mailsPerAcknowledgement =
        mailed.stream()
            .collect(
                Collectors.groupingBy(
                    m -> String.valueOf(m.header(OutboundMailSender.MESSAGE_ID_HEADER)),
                    Collectors.counting()));
    Map<String, Integer> rowsByStatus =
        dsl.select(MESSAGES.DELIVERY_STATUS, DSL.count())
            .from(MESSAGES)
            .where(outboundRows)
            .groupBy(MESSAGES.DELIVERY_STATUS)
            .fetchMap(MESSAGES.DELIVERY_STATUS, DSL.count());
    System.out.printf(
        "no-loss: %d acknowledgements mailed for %d tickets; rows %s; workflows re-created after"
            + " a lost workflow task: %s%n",
        mailed.size(), THREAD_COUNT, rowsByStatus, recovered);
    assertThat(dsl.fetchCount(MESSAGES, sentRows))
        .as(() -> unacknowledged(pipeline))
        .isEqualTo(THREAD_COUNT);
    assertThat(rowsByStatus).as("none QUEUED, none FAILED").containsOnlyKeys("SENT");
    Set<String> acknowledgementIds =
        dsl.select(MESSAGES.ID).from(MESSAGES).where(outboundRows).fetch(MESSAGES.ID).stream()
            .map(UUID::toString)
            .collect(Collectors.toSet());
    assertThat(mailsPerAcknowledgement.keySet()).isEqualTo(acknowledgementIds);
    assertThat(mailsPerAcknowledgement.values()).as("each mailed once").containsOnly(1L);
    assertThat(mailed.stream().map(FakeMessage::subject))
        .hasSize(THREAD_COUNT)
        .doesNotHaveDuplicates();
    assertThat(
            dsl.fetchCount(
                SKIPPED_MESSAGES,
                SKIPPED_MESSAGES
                    .REASON
                    .eq("OUTBOUND_COPY")
                    .and(SKIPPED_MESSAGES.MATCHED_MESSAGE_ID.isNull())))
        .as("every copy of our own mail is matched to the message it copies")
        .isZero();
  }
}
