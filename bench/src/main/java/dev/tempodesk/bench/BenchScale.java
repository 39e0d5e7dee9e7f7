package dev.tempodesk.bench;

/**
 * How big a run is. FULL is the size the issue names (10,000 emails, 1,000,000 tickets, 20,000
 * workflows …); QUICK is a tenth-ish for a first look on a laptop; SMOKE only proves in the build
 * that every benchmark still runs end to end, its figures mean nothing.
 */
public enum BenchScale {
  FULL,
  QUICK,
  SMOKE;

  /** The size for this scale. */
  public int pick(int full, int quick, int smoke) {
    return switch (this) {
      case FULL -> full;
      case QUICK -> quick;
      case SMOKE -> smoke;
    };
  }
}
