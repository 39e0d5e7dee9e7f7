package dev.tempodesk.bench;

/**
 * One line of the table: a Tempodesk figure and its baseline, both in {@code unit}.
 *
 * @param benchmark the benchmark's id, e.g. "B2"
 * @param name what was measured, e.g. "first page p99, 8 clients"
 * @param value Tempodesk's figure
 * @param baselineName what the baseline did, e.g. "same SQL over JDBC"
 * @param baseline the baseline's figure in the same unit
 * @param unit "ms", "emails/s", "MiB" …
 * @param goal the target from the issue, or "" when there is none
 */
public record Figure(
    String benchmark,
    String name,
    double value,
    String baselineName,
    double baseline,
    String unit,
    String goal) {

  /** Tempodesk ÷ baseline: above 1 means more milliseconds, more memory or more emails/s. */
  public double ratio() {
    return baseline == 0 ? Double.NaN : value / baseline;
  }
}
