package dev.tempodesk.bench;

import java.util.Arrays;

/** Latency samples in milliseconds and their nearest-rank percentiles. */
public final class Samples {
  private double[] values = new double[64];
  private int size;

  /** Adds one sample; safe to call from one thread at a time (synchronise outside if shared). */
  public void add(double millis) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = millis;
  }

  /** Adds every sample of another set (e.g. one per client thread). */
  public void addAll(Samples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  public int size() {
    return size;
  }

  /** Nearest-rank percentile, {@code p} in (0, 100]. */
  public double percentile(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    double[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
  }

  public double p50() {
    return percentile(50);
  }

  public double p99() {
    return percentile(99);
  }
}
