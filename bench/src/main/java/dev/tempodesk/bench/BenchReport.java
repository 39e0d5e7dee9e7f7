package dev.tempodesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The table the bench command prints, as Markdown, and its place in docs/benchmarks.md: between two
 * marker comments, so the prose around the generated block is kept when a run rewrites it.
 */
final class BenchReport {
  static final String BEGIN = "<!-- bench:begin (written by ./tempodesk bench) -->";
  static final String END = "<!-- bench:end -->";

  private final BenchScale scale;
  private final Machine machine;
  private final List<Figure> figures;
  private final List<String> failures;

  BenchReport(BenchScale scale, Machine machine, List<Figure> figures, List<String> failures) {
    this.scale = scale;
    this.machine = machine;
    this.figures = figures;
    this.failures = failures;
  }

  boolean failed() {
    return !failures.isEmpty();
  }

  List<Figure> figures() {
    return figures;
  }

  List<String> failures() {
    return failures;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("Run of ")
        .append(LocalDate.now())
        .append(", scale ")
        .append(scale.name())
        .append(", on ")
        .append(machine.describe())
        .append(".\n\n");
    out.append("| bench | figure | Tempodesk | baseline | baseline figure | ratio | goal |\n");
    out.append("|---|---|---:|---|---:|---:|---|\n");
    for (Figure figure : figures) {
      out.append(
          "| %s | %s | %s %s | %s | %s %s | %s | %s |\n"
              .formatted(
                  figure.benchmark(),
                  figure.name(),
                  number(figure.value()),
                  figure.unit(),
                  figure.baselineName(),
                  number(figure.baseline()),
                  figure.unit(),
                  Double.isNaN(figure.ratio())
                      ? "–"
                      : String.format(Locale.ROOT, "%.2f×", figure.ratio()),
                  figure.goal()));
    }
    for (String failure : failures) {
      out.append("\nFAILED: ").append(failure).append('\n');
    }
    return out.toString();
  }

  /** Replaces the generated block of {@code document} (appending one if it has none yet). */
  void writeInto(Path document) throws IOException {
    String block = BEGIN + "\n" + markdown() + END;
    String text = Files.exists(document) ? Files.readString(document) : "";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    String updated =
        begin >= 0 && end > begin
            ? text.substring(0, begin) + block + text.substring(end + END.length())
            : text + (text.isEmpty() ? "" : "\n") + block + "\n";
    Files.writeString(document, updated);
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return value >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
