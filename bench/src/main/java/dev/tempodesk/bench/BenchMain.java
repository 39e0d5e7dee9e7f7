package dev.tempodesk.bench;

import dev.tempodesk.bench.assignment.AssignmentLatencyBenchmark;
import dev.tempodesk.bench.bulk.BulkActionBenchmark;
import dev.tempodesk.bench.ingest.IngestBenchmark;
import dev.tempodesk.bench.list.TicketExportBenchmark;
import dev.tempodesk.bench.list.TicketListBenchmark;
import dev.tempodesk.bench.live.LiveStreamBenchmark;
import dev.tempodesk.bench.memory.WorkerMemoryBenchmark;
import dev.tempodesk.bench.recalc.SlaRecalculationBenchmark;
import dev.tempodesk.bench.sla.SlaLatencyBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./tempodesk bench [--scale=full|quick|smoke] [--only=B1,B3]
 * [--report=docs/benchmarks.md]}: runs the benchmarks one after the other (never in parallel: they
 * would measure each other), prints one table and, with --report, rewrites that file's generated
 * block.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Every benchmark, in table order. */
  static List<Benchmark> all() {
    return List.of(
        new IngestBenchmark(),
        new TicketListBenchmark(),
        new SlaLatencyBenchmark(),
        new AssignmentLatencyBenchmark(),
        new WorkerMemoryBenchmark(),
        new SlaRecalculationBenchmark(),
        new BulkActionBenchmark(),
        new LiveStreamBenchmark(),
        new TicketExportBenchmark());
  }

  public static void main(String[] args) throws Exception {
    BenchScale scale = BenchScale.FULL;
    Set<String> only = Set.of();
    Path report = null;
    for (String arg : args) {
      if (arg.startsWith("--scale=")) {
        scale = BenchScale.valueOf(arg.substring("--scale=".length()).toUpperCase(Locale.ROOT));
      } else if (arg.startsWith("--only=")) {
        only =
            Arrays.stream(arg.substring("--only=".length()).split(","))
                .map(id -> id.trim().toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
      } else if (arg.startsWith("--report=")) {
        report = Path.of(arg.substring("--report=".length()));
      } else {
        System.err.println(
            "usage: bench [--scale=full|quick|smoke] [--only=B1,B2] [--report=docs/benchmarks.md]");
        System.exit(2);
      }
    }
    BenchReport result = run(scale, only);
    System.out.println();
    System.out.println(result.markdown());
    if (report != null) {
      result.writeInto(report);
      System.out.println("Written to " + report);
    }
    System.exit(result.failed() ? 1 : 0);
  }

  /** Runs the selected benchmarks (all when {@code only} is empty). */
  static BenchReport run(BenchScale scale, Set<String> only) {
    List<Figure> figures = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Benchmark benchmark : all()) {
      if (!only.isEmpty() && !only.contains(benchmark.id())) {
        continue;
      }
      System.out.printf("== %s %s (%s)%n", benchmark.id(), benchmark.title(), scale);
      long started = System.nanoTime();
      try {
        List<Figure> measured = benchmark.run(scale);
        measured.forEach(figure -> System.out.println("   " + figure));
        figures.addAll(measured);
      } catch (Exception | AssertionError e) {
        e.printStackTrace();
        failures.add(benchmark.id() + " " + benchmark.title() + ": " + e);
      }
      System.out.printf("   %s took %.1f s%n", benchmark.id(), (System.nanoTime() - started) / 1e9);
    }
    return new BenchReport(scale, Machine.current(), figures, failures);
  }
}
