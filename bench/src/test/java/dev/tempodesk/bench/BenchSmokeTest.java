package dev.tempodesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark still runs end to end (at a size too small to mean anything), so `./tempodesk
 * bench` cannot rot between the runs that produce docs/benchmarks.md.
 */
class BenchSmokeTest {

  @Test
  void shouldRunEveryBenchmarkAndReportEachFigureWithItsBaseline() {
    BenchReport report = BenchMain.run(BenchScale.SMOKE, Set.of());

    assertThat(report.failures()).isEmpty();
    Set<String> reported =
        report.figures().stream().map(Figure::benchmark).collect(Collectors.toSet());
    assertThat(reported)
        .containsExactlyInAnyOrderElementsOf(
            BenchMain.all().stream().map(Benchmark::id).collect(Collectors.toSet()));
    assertThat(report.figures())
        .allSatisfy(
            figure -> {
              assertThat(figure.value()).as(figure.name()).isPositive();
              assertThat(figure.baseline()).as(figure.name() + " baseline").isPositive();
            });
    assertThat(report.figures())
        .as("B8: every open stream received every change it may see")
        .filteredOn(figure -> figure.benchmark().equals("B8") && figure.unit().equals("events"))
        .singleElement()
        .satisfies(figure -> assertThat(figure.value()).isEqualTo(figure.baseline()));
    assertThat(report.markdown()).contains("| bench | figure | Tempodesk |");
  }
}
