package dev.tempodesk.bench;

import java.util.List;

/**
 * One benchmark of docs/benchmarks.md (B1–B5). It measures Tempodesk and, in the same run on the
 * same machine, a baseline doing the same work the plainest way, so the table shows what the
 * architecture costs rather than how fast this machine happens to be today.
 */
public interface Benchmark {
  /** "B1" … "B5": the row key in the table and the value `--only` selects. */
  String id();

  /** What it measures, in a few words (the table's section heading). */
  String title();

  /** Runs at the given scale and returns its figures; cleans up everything it started. */
  List<Figure> run(BenchScale scale) throws Exception;
}
