package dev.tempodesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/benchmarks.md keeps its prose, and a run of some benchmarks keeps the others' figures. */
class BenchReportTest {
  private static final Machine MACHINE = new Machine("Test CPU", 2, 1024, "Linux", "JDK 25", 512);

  @TempDir Path folder;

  @Test
  void shouldReplaceOnlyTheRerunBenchmarksRowsAndKeepTheProseAround() throws Exception {
    Path document = folder.resolve("benchmarks.md");
    Files.writeString(
        document,
        "# Benchmarks\n\nProse before.\n\n"
            + BenchReport.BEGIN
            + "\nold\n"
            + BenchReport.END
            + "\n\nProse after.\n");
    new BenchReport(
            BenchScale.FULL,
            MACHINE,
            List.of(
                new Figure("B1", "ingest rate", 150, "batched JDBC", 6000, "emails/s", ""),
                new Figure("B3", "lateness p99", 900, "executor", 30, "ms", "p99 < 1 s")),
            List.of())
        .writeInto(document);

    new BenchReport(
            BenchScale.FULL,
            MACHINE,
            List.of(new Figure("B3", "lateness p99", 400, "executor", 40, "ms", "p99 < 1 s")),
            List.of())
        .writeInto(document);

    String text = Files.readString(document);
    assertThat(text).startsWith("# Benchmarks\n\nProse before.\n\n").endsWith("\n\nProse after.\n");
    assertThat(text)
        .contains("| B1 | ingest rate | 150 emails/s | batched JDBC | 6,000 emails/s | 0.03× |  |")
        .contains("| B3 | lateness p99 | 400 ms | executor | 40.00 ms | 10.00× | p99 < 1 s |")
        .doesNotContain("900 ms")
        .contains("Rows of [B1] kept from: Run of ");
    assertThat(text.indexOf("| B1 |")).isLessThan(text.indexOf("| B3 |"));
  }

  @Test
  void shouldKeepEachRowsRunThroughSeveralPartialRuns() throws Exception {
    Path document = folder.resolve("benchmarks.md");
    Files.writeString(document, BenchReport.BEGIN + "\n" + BenchReport.END + "\n");
    report(BenchScale.FULL, new Figure("B1", "ingest rate", 150, "jdbc", 6000, "emails/s", ""))
        .writeInto(document);
    report(BenchScale.QUICK, new Figure("B3", "lateness p99", 400, "executor", 40, "ms", ""))
        .writeInto(document);
    report(BenchScale.SMOKE, new Figure("B9", "time", 70, "copy", 20, "s", "")).writeInto(document);

    String text = Files.readString(document);
    assertThat(text)
        .contains("Rows of [B1] kept from: Run of ")
        .contains("Rows of [B3] kept from: Run of ")
        .contains("Rows of [B9] from: Run of ");
    assertThat(
            text.lines().filter(line -> line.startsWith("Rows of [B1]")).findFirst().orElseThrow())
        .contains("scale FULL");
    assertThat(
            text.lines().filter(line -> line.startsWith("Rows of [B3]")).findFirst().orElseThrow())
        .contains("scale QUICK");
    assertThat(
            text.lines().filter(line -> line.startsWith("Rows of [B9]")).findFirst().orElseThrow())
        .contains("scale SMOKE");
  }

  private static BenchReport report(BenchScale scale, Figure figure) {
    return new BenchReport(scale, MACHINE, List.of(figure), List.of());
  }
}
