package dev.tempodesk.bench.assignment;

import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.rig.EventClock;
import dev.tempodesk.bench.rig.PooledDatabase;
import java.util.List;

/**
 * B4: from an agent closing a ticket to the next waiting ticket's assignment in Postgres, with 5
 * agents of capacity 1 and a long queue; beside the same close and decision in one transaction; and
 * the same with the agents and tickets in 3 groups, beside the 1-group run (docs/benchmarks.md,
 * "B4"). Each run has its own fresh database on the same Postgres.
 */
public final class AssignmentLatencyBenchmark implements Benchmark {

  @Override
  public String id() {
    return "B4";
  }

  @Override
  public String title() {
    return "auto-assignment latency";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    int closes = scale.pick(200, 50, 5);
    Samples workflows;
    try (PooledDatabase database = new PooledDatabase()) {
      EventClock.install(database.jooq().dsl());
      workflows = WorkflowRefill.run(database.jooq(), closes, 1);
    }
    Samples threeGroups;
    try (PooledDatabase database = new PooledDatabase()) {
      EventClock.install(database.jooq().dsl());
      threeGroups = WorkflowRefill.run(database.jooq(), closes, 3);
    }
    Samples direct;
    try (PooledDatabase database = new PooledDatabase()) {
      EventClock.install(database.jooq().dsl());
      direct = DirectRefill.run(database.jooq(), closes);
    }
    String name = "close → next ticket assigned, %d closes".formatted(closes);
    String baseline = "close + decide + assign in one transaction";
    String grouped = "close → next ticket assigned, 3 groups, %d closes".formatted(closes);
    String oneGroup = "the same with 1 group, same run";
    return List.of(
        new Figure(id(), name + ", p50", workflows.p50(), baseline, direct.p50(), "ms", ""),
        new Figure(
            id(), name + ", p99", workflows.p99(), baseline, direct.p99(), "ms", "p99 < 1 s"),
        new Figure(id(), grouped + ", p50", threeGroups.p50(), oneGroup, workflows.p50(), "ms", ""),
        new Figure(
            id(),
            grouped + ", p99",
            threeGroups.p99(),
            oneGroup,
            workflows.p99(),
            "ms",
            "p99 < 1 s"));
  }
}
