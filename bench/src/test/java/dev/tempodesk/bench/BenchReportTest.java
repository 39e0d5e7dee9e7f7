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
}
