package dev.tempodesk.bench.memory;

import dev.tempodesk.api.NoMailbox;
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
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import io.temporal.worker.WorkerFactoryOptions;
import java.lang.ref.Reference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * B5: the worker's heap with many open ticket workflows (SLA timers running), the Temporal server
 * in a process of its own so that only the worker (and its client) is measured; beside the same
 * tickets kept as plain objects with a timer each (docs/benchmarks.md, "B5").
 */
public final class WorkerMemoryBenchmark implements Benchmark {
  private static final String QUEUE = "bench-memory";
  private static final double MIB = 1024.0 * 1024.0;
  private static final int STARTING_THREADS = 8;

  /**
   * Tickets' worth of plain state measured for the baseline, at least: about 12 MiB, well above the
   * half MiB the idle worker's threads make the heap wander by (a smoke run of 100 tickets once
   * measured a negative baseline).
   */
  private static final int PLAIN_SAMPLE = 20_000;

  @Override
  public String id() {
    return "B5";
  }

  @Override
  public String title() {
    return "worker memory with open ticket workflows";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    int tickets = scale.pick(20_000, 2_000, 100);
    int port = FreePort.find();
    try (PooledDatabase database = new PooledDatabase();
        SdkGauges gauges = new SdkGauges();
        TemporalServerProcess server =
            TemporalServerProcess.start(port, scale.pick(3072, 1024, 512));
        TemporalConnection temporal = TemporalConnection.to(port, gauges.scope())) {
      CountingNotifications notifications =
          new CountingNotifications(NoMailbox.inAppNotifications(database.jooq()));
      try (TicketWorker worker =
          new TicketWorker(
              temporal, QUEUE, database.jooq(), TicketPolicy.defaults(), notifications)) {
        worker.start();
        List<ContactsRecord> reporters = reporters(database, Math.max(1, tickets / 10));
        long idle = HeapMeter.usedAfterGc();

        long started = System.nanoTime();
        new TicketOpener(database.jooq(), Clock.systemUTC(), SlaPolicy.defaults())
            .open(
                tickets,
                STARTING_THREADS,
                i -> reporters.get(i % reporters.size()),
                null,
                row -> worker.gateway().startFromRow(row));
        double startSeconds = (System.nanoTime() - started) / 1e9;
        Settling.await(notifications, gauges, tickets);
        double settleSeconds = (System.nanoTime() - started) / 1e9;
        long loaded = HeapMeter.usedAfterGc();
        long cached = gauges.stickyCacheSize();
        System.out.printf(
            "   B5: %,d workflows started in %.1f s, settled after %.1f s; %d runs cached,"
                + " %d workflow threads%n",
            tickets, startSeconds, settleSeconds, cached, gauges.workflowThreads());

        long plainBytes;
        int copies = Math.max(1, PLAIN_SAMPLE / tickets);
        long beforePlain = HeapMeter.usedAfterGc();
        try (PlainTickets plain = PlainTickets.load(database.jooq(), copies)) {
          plainBytes = (HeapMeter.usedAfterGc() - beforePlain) / plain.copies();
          if (plain.size() != tickets) {
            throw new IllegalStateException(plain.size() + " tickets loaded of " + tickets);
          }
          Reference.reachabilityFence(plain);
        }
        Reference.reachabilityFence(reporters);
        return figures(tickets, idle, loaded, plainBytes, cached);
      }
    }
  }

  private List<Figure> figures(int tickets, long idle, long loaded, long plainBytes, long cached) {
    String open = "%,d open ticket workflows".formatted(tickets);
    String plain = "%,d × ticket state + timer in a HashMap".formatted(tickets);
    long increase = loaded - idle;
    int capacity =
        WorkerFactoryOptions.newBuilder().validateAndBuildWithDefaults().getWorkflowCacheSize();
    return List.of(
        new Figure(
            id(),
            "worker heap after GC, " + open,
            loaded / MIB,
            "same worker idle",
            idle / MIB,
            "MiB",
            ""),
        new Figure(
            id(), "heap increase, " + open, increase / MIB, plain, plainBytes / MIB, "MiB", ""),
        new Figure(
            id(),
            "heap per open workflow",
            increase / 1024.0 / tickets,
            "per ticket in the HashMap",
            plainBytes / 1024.0 / tickets,
            "KiB",
            ""),
        new Figure(
            id(),
            "sticky cache in use",
            cached,
            "cache capacity (SDK default)",
            capacity,
            "runs",
            ""));
  }

  private static List<ContactsRecord> reporters(PooledDatabase database, int count) {
    ContactRepository contacts = new ContactRepository(database.jooq().dsl());
    List<ContactsRecord> reporters = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      reporters.add(
          contacts.findOrCreate("customer" + i + "@customer.example", "Customer " + i, null));
    }
    return reporters;
  }
}
