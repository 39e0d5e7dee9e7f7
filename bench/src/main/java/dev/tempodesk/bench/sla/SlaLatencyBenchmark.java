package dev.tempodesk.bench.sla;

import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.EventClock;
import dev.tempodesk.bench.rig.PooledDatabase;
import dev.tempodesk.bench.rig.TicketWorker;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.people.ContactRepository;
import java.time.Duration;
import java.util.List;

/**
 * B3: SLA breaches of the opening-time burst (tickets that arrived while the desk was closed, whose
 * clocks all start at the opening, so their resolve deadlines fall on the same instant), timed from
 * the deadline to the audit event in Postgres, with the server tasks each breach cost; beside the
 * same burst on a plain scheduled executor writing the same rows (docs/benchmarks.md, "B3").
 */
public final class SlaLatencyBenchmark implements Benchmark {

  @Override
  public String id() {
    return "B3";
  }

  @Override
  public String title() {
    return "SLA breach lateness";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    int tickets = scale.pick(500, 200, 10);
    // Long enough to open the burst and arm its timers before the warnings at 80 % fire.
    Duration target = Duration.ofSeconds(scale.pick(45, 25, 4));
    Samples workflows;
    Samples executor;
    try (PooledDatabase database = new PooledDatabase()) {
      EventClock.install(database.jooq().dsl());
      ContactsRecord reporter =
          new ContactRepository(database.jooq().dsl())
              .findOrCreate("late@customer.example", "Late Customer", null);
      AgentRepository agents = new AgentRepository(database.jooq().dsl());
      AgentsRecord agent = agents.insert("ann@tempodesk.dev", "Ann Agent", "AGENT", tickets);
      // Breaches notify the managers too, as in the app.
      agents.insert("mona@tempodesk.dev", "Mona Manager", "MANAGER", 1);
      // The opening comes this long after the last ticket is in: time to start their workflows.
      Duration lead = Duration.ofSeconds(scale.pick(30, 15, 3));
      SlaBurst burst = new SlaBurst(tickets, target, lead, reporter, agent);
      workflows =
          WorkflowTimers.run(database.jooq(), burst, "workflows", TicketWorker.APP_OPTIONS)
              .lateness();
      // What more pollers would buy: the same burst on a worker with 16 + 16.
      WorkflowTimers.run(
          database.jooq(), burst, "workflows, 16 + 16 pollers", TicketWorker.BURST_POLLERS);
      executor = ExecutorTimers.run(database.jooq(), burst);
    }
    String name = "%d breaches at one opening → audit event".formatted(tickets);
    String baseline = "ScheduledThreadPoolExecutor, same writes";
    return List.of(
        new Figure(id(), name + ", p50", workflows.p50(), baseline, executor.p50(), "ms", ""),
        new Figure(
            id(), name + ", p99", workflows.p99(), baseline, executor.p99(), "ms", "p99 < 1 s"));
  }
}
