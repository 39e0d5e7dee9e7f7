package dev.tempodesk.bench.recalc;

import dev.tempodesk.activities.sla.SlaRecalculationActivitiesImpl;
import dev.tempodesk.api.NoMailbox;
import dev.tempodesk.api.embedded.EmbeddedTemporalServer;
import dev.tempodesk.api.sla.SlaChange;
import dev.tempodesk.api.sla.SlaRecalculations;
import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.bench.rig.FreePort;
import dev.tempodesk.bench.rig.PooledDatabase;
import dev.tempodesk.bench.rig.TemporalConnection;
import dev.tempodesk.bench.rig.TicketOpener;
import dev.tempodesk.bench.rig.TicketWorker;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.ContactRepository;
import dev.tempodesk.db.sla.GovernedTicketRepository;
import dev.tempodesk.db.testing.GovernedTickets;
import dev.tempodesk.db.testing.TestJooq;
import dev.tempodesk.workflows.sla.RecalculationProgress;
import dev.tempodesk.workflows.sla.SlaRecalculationWorkflowImpl;
import dev.tempodesk.workflows.sla.TicketSelection;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaRecalculation;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * B6: an SLA policy change reaching every live ticket it governs (issue 18), timed from the call
 * the API makes after the change is stored to the moment the last ticket workflow handled the
 * {@code recalculateSla} signal; beside the same signals sent from plain client threads, no
 * workflow (docs/benchmarks.md, "B6").
 */
public final class SlaRecalculationBenchmark implements Benchmark {
  private static final String QUEUE = "bench-recalc";
  private static final String TICKET_QUEUE = "bench-recalc-tickets";
  private static final long POLICY = 42;
  private static final int THREADS = 4;

  @Override
  public String id() {
    return "B6";
  }

  @Override
  public String title() {
    return "SLA recalculation after a policy change";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    int listeners = scale.pick(10_000, 2_000, 50);
    int tickets = scale.pick(1_000, 200, 10);
    String baseline = "same signals from " + THREADS + " client threads, no workflow";
    Timings light = lightweight(listeners);
    Timings real = realTickets(tickets);
    String lightName = "%,d live tickets (lightweight listeners)".formatted(listeners);
    String realName = "%,d live ticket workflows (the real ones)".formatted(tickets);
    return List.of(
        new Figure(
            id(),
            lightName + ": change → last signal handled",
            light.seconds(),
            baseline,
            light.baselineSeconds(),
            "s",
            ""),
        new Figure(
            id(),
            lightName + ": rate",
            listeners / light.seconds(),
            baseline,
            listeners / light.baselineSeconds(),
            "tickets/s",
            ""),
        new Figure(
            id(),
            realName + ": change → last signal handled",
            real.seconds(),
            baseline,
            real.baselineSeconds(),
            "s",
            ""),
        new Figure(
            id(),
            realName + ": rate",
            tickets / real.seconds(),
            baseline,
            tickets / real.baselineSeconds(),
            "tickets/s",
            ""));
  }

  record Timings(double seconds, double baselineSeconds) {}

  /** {@code count} listening workflows as {@code ticket-1 … ticket-count}, governed by POLICY. */
  private Timings lightweight(int count) throws Exception {
    Deliveries deliveries = new Deliveries();
    int port = FreePort.find();
    try (PooledDatabase database = new PooledDatabase();
        EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
        TemporalConnection temporal = TemporalConnection.to(port, null)) {
      GovernedTickets.insert(database.jooq().dsl(), 1, count, false, POLICY, 7L);
      WorkerFactory factory = recalculationWorker(temporal, database.jooq());
      factory
          .getWorker(QUEUE)
          .registerWorkflowImplementationFactory(
              ListeningTicket.class, () -> new ListeningTicketImpl(deliveries));
      factory.start();
      try {
        WorkflowClient client = temporal.client();
        inParallel(
            count,
            n -> {
              ListeningTicket ticket =
                  client.newWorkflowStub(
                      ListeningTicket.class,
                      WorkflowOptions.newBuilder()
                          .setTaskQueue(QUEUE)
                          .setWorkflowId(TicketWorkflow.workflowId(n))
                          .build());
              WorkflowClient.start(ticket::listen, n);
            });
        await("listeners started", deliveries::startedCount, count);
        List<Long> numbers = new GovernedTicketRepository(database.jooq().dsl()).live(0, count);
        double seconds =
            recalculate(
                client,
                count,
                "policy \"Bench\" changed",
                TicketSelection.policy(POLICY),
                reason -> {
                  await("signals handled", () -> deliveries.handledCount(reason), count);
                  return deliveries.lastHandled(reason);
                });
        double baseline =
            plainLoop(
                client,
                numbers,
                "baseline",
                reason -> {
                  await("baseline signals handled", () -> deliveries.handledCount(reason), count);
                  return deliveries.lastHandled(reason);
                });
        return new Timings(seconds, baseline);
      } finally {
        factory.shutdownNow();
      }
    }
  }

  /** {@code count} tickets opened as the API opens them, each with its real ticket workflow. */
  private Timings realTickets(int count) throws Exception {
    int port = FreePort.find();
    try (PooledDatabase database = new PooledDatabase();
        EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
        TemporalConnection temporal = TemporalConnection.to(port, null);
        TicketWorker worker =
            new TicketWorker(
                temporal,
                TICKET_QUEUE,
                database.jooq(),
                TicketPolicy.defaults(),
                NoMailbox.inAppNotifications(database.jooq()))) {
      WorkerFactory factory = recalculationWorker(temporal, database.jooq());
      factory.start();
      worker.start();
      try {
        ContactsRecord reporter =
            new ContactRepository(database.jooq().dsl())
                .findOrCreate("caller@customer.example", "Caller", null);
        List<Long> numbers =
            new TicketOpener(database.jooq(), Clock.systemUTC(), SlaPolicy.defaults())
                .open(count, THREADS, i -> reporter, null, worker.gateway()::startFromRow).stream()
                    .map(row -> row.getNumber())
                    .sorted()
                    .toList();
        TicketHistories histories = new TicketHistories(temporal.client(), numbers);
        histories.awaitSettled();
        WorkflowClient client = temporal.client();
        double seconds =
            recalculate(
                client, count, "policies reordered", TicketSelection.all(), histories::lastHandled);
        double baseline = plainLoop(client, numbers, "baseline", histories::lastHandled);
        return new Timings(seconds, baseline);
      } finally {
        factory.shutdownNow();
      }
    }
  }

  private static WorkerFactory recalculationWorker(TemporalConnection temporal, TestJooq jooq) {
    WorkerFactory factory = temporal.newWorkerFactory();
    Worker worker = factory.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(SlaRecalculationWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new SlaRecalculationActivitiesImpl(
            new GovernedTicketRepository(jooq.dsl()), temporal.client()));
    return factory;
  }

  /** When the last ticket handled the signal of this reason (epoch ms), once all have. */
  interface LastHandled {
    long await(String reason) throws Exception;
  }

  /** Starts the recalculation as the API does and times it to the last handled signal. */
  private static double recalculate(
      WorkflowClient client,
      int expected,
      String reason,
      TicketSelection selection,
      LastHandled lastHandled)
      throws Exception {
    SlaRecalculations recalculations = new SlaRecalculations(client, QUEUE);
    long started = System.currentTimeMillis();
    String id = recalculations.start(new SlaChange("bench-" + started, selection, reason));
    long last = lastHandled.await(reason);
    RecalculationProgress done =
        client.newUntypedWorkflowStub(id).getResult(RecalculationProgress.class);
    if (done.signalled() != expected || done.failed() != 0 || done.skipped() != 0) {
      throw new IllegalStateException("B6: the recalculation reported " + done);
    }
    long accepted = System.currentTimeMillis();
    System.out.printf(
        "   B6 %,d tickets: recalculation done (every signal accepted) after %.2f s, last"
            + " signal handled after %.2f s%n",
        expected, (accepted - started) / 1000.0, (last - started) / 1000.0);
    return Math.max(1, last - started) / 1000.0;
  }

  /** The baseline: the same signals, the numbers split over plain threads. */
  private static double plainLoop(
      WorkflowClient client, List<Long> numbers, String reason, LastHandled lastHandled)
      throws Exception {
    long started = System.currentTimeMillis();
    SlaRecalculation request = new SlaRecalculation(reason);
    inParallel(
        numbers.size(),
        i ->
            client
                .newWorkflowStub(
                    TicketWorkflow.class, TicketWorkflow.workflowId(numbers.get((int) i - 1)))
                .recalculateSla(request));
    long last = lastHandled.await(reason);
    return Math.max(1, last - started) / 1000.0;
  }

  interface TicketTask {
    void run(long number) throws Exception;
  }

  /** Runs {@code task} for 1..count on {@link #THREADS} threads, each taking every n-th. */
  private static void inParallel(int count, TicketTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int first = t + 1;
        done.add(
            pool.submit(
                () -> {
                  for (long n = first; n <= count; n += THREADS) {
                    task.run(n);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static void await(String what, IntSupplier count, int expected) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15 * 60_000;
    while (count.getAsInt() < expected) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "B6: " + what + ": " + count.getAsInt() + " of " + expected + " after 15 minutes");
      }
      Thread.sleep(20);
    }
  }
}
