package dev.tempodesk.workflows.ticket;

import java.time.Duration;

/** SLA targets per priority (DESIGN.md section 4); a deployment may configure its own. */
public record SlaPolicy(SlaTargets low, SlaTargets normal, SlaTargets high, SlaTargets urgent) {

  /** A priority left out (e.g. in configuration) keeps its default targets. */
  public SlaPolicy {
    if (low == null || normal == null || high == null || urgent == null) {
      SlaPolicy defaults = defaults();
      low = low == null ? defaults.low : low;
      normal = normal == null ? defaults.normal : normal;
      high = high == null ? defaults.high : high;
      urgent = urgent == null ? defaults.urgent : urgent;
    }
  }

  public static SlaPolicy defaults() {
    return new SlaPolicy(
        targets(Duration.ofHours(8), Duration.ofHours(72)),
        targets(Duration.ofHours(4), Duration.ofHours(24)),
        targets(Duration.ofHours(1), Duration.ofHours(8)),
        targets(Duration.ofMinutes(15), Duration.ofHours(4)));
  }

  public SlaTargets targetsFor(Priority priority) {
    return switch (priority) {
      case LOW -> low;
      case NORMAL -> normal;
      case HIGH -> high;
      case URGENT -> urgent;
    };
  }

  private static SlaTargets targets(Duration toAssign, Duration toResolve) {
    return new SlaTargets(toAssign, toResolve);
  }
}
