package dev.tempodesk.activities.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One agent's closings over some hours.
 *
 * @param medianResolutionMs median of the closings' resolution times; the mean of the two middle
 *     values (rounded down) when the count is even
 */
public record AgentFigures(long agentId, int closed, long medianResolutionMs, int slaMet) {

  /**
   * The most efficient agent: the one who closed the most tickets; among equals, the one with the
   * lower median resolution time; then the lower agent id, so the choice is always reproducible.
   * Volume first, because a single quick closing should not beat a steady day's work.
   */
  public static final Comparator<AgentFigures> MOST_EFFICIENT_FIRST =
      Comparator.comparingInt(AgentFigures::closed)
          .reversed()
          .thenComparingLong(AgentFigures::medianResolutionMs)
          .thenComparingLong(AgentFigures::agentId);

  /** Figures per agent, most efficient first. Closings without an assignee are left out. */
  public static List<AgentFigures> of(List<Closing> closings) {
    Map<Long, List<Closing>> byAgent = new TreeMap<>();
    for (Closing closing : closings) {
      if (closing.agentId() != null) {
        byAgent.computeIfAbsent(closing.agentId(), id -> new ArrayList<>()).add(closing);
      }
    }
    List<AgentFigures> figures = new ArrayList<>();
    byAgent.forEach(
        (agentId, own) ->
            figures.add(
                new AgentFigures(
                    agentId,
                    own.size(),
                    median(own.stream().mapToLong(Closing::resolutionMs).sorted().toArray()),
                    (int) own.stream().filter(Closing::slaMet).count())));
    figures.sort(MOST_EFFICIENT_FIRST);
    return figures;
  }

  public static Optional<Long> mostEfficient(List<Closing> closings) {
    return of(closings).stream().findFirst().map(AgentFigures::agentId);
  }

  static long median(long[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1
        ? sorted[middle]
        : Math.floorDiv(sorted[middle - 1] + sorted[middle], 2);
  }
}
