package dev.tempodesk.bench.recalc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Figure;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * B6 alone from Maven, at the scale asked for (BenchSmokeTest already runs it at the smallest size
 * in every build): {@code -Dtempodesk.bench.b6=full} for 10,000 live tickets, {@code quick} for
 * 2,000.
 */
@EnabledIfSystemProperty(named = "tempodesk.bench.b6", matches = "full|quick|smoke")
class SlaRecalculationTimingTest {

  @Test
  void shouldSignalEveryLiveTicketAndReportTheRate() throws Exception {
    BenchScale scale =
        BenchScale.valueOf(System.getProperty("tempodesk.bench.b6").toUpperCase(Locale.ROOT));

    List<Figure> figures = new SlaRecalculationBenchmark().run(scale);

    figures.forEach(figure -> System.out.println("   " + figure));
    assertThat(figures).hasSize(4).allSatisfy(f -> assertThat(f.value()).isPositive());
  }
}
