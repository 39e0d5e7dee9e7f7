package dev.tempodesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    return markdown(List.of(), Map.of());
  }

  /**
   * @param keptRows table rows of earlier runs for benchmarks this run did not measure
   * @param keptFrom each kept benchmark's run (the first line of the run that measured it)
   */
  private String markdown(List<String> keptRows, Map<String, String> keptFrom) {
    StringBuilder out = new StringBuilder();
    if (!keptRows.isEmpty()) {
      Map<String, List<String>> byRun = new LinkedHashMap<>();
      keptRows.stream()
          .map(BenchReport::benchmarkOf)
          .distinct()
          .forEach(
              bench ->
                  byRun
                      .computeIfAbsent(keptFrom.getOrDefault(bench, ""), run -> new ArrayList<>())
                      .add(bench));
      byRun.forEach(
          (run, benches) ->
              out.append("Rows of ")
                  .append(benches)
                  .append(" kept from: ")
                  .append(run.isEmpty() ? "an earlier run" : run)
                  .append('\n'));
      out.append("Rows of ")
          .append(figures.stream().map(Figure::benchmark).distinct().toList())
          .append(" from: ");
    }
    out.append("Run of ")
        .append(LocalDate.now())
        .append(", scale ")
        .append(scale.name())
        .append(", on ")
        .append(machine.describe())
        .append(".\n\n");
    out.append("| bench | figure | Tempodesk | baseline | baseline figure | ratio | goal |\n");
    out.append("|---|---|---:|---|---:|---:|---|\n");
    List<String> rows = new ArrayList<>(keptRows);
    for (Figure figure : figures) {
      rows.add(row(figure));
    }
    rows.sort(Comparator.comparing(BenchReport::benchmarkOf)); // stable: each one's order stays
    rows.forEach(out::append);
    for (String failure : failures) {
      out.append("\nFAILED: ").append(failure).append('\n');
    }
    return out.toString();
  }

  private static String row(Figure figure) {
    return "| %s | %s | %s %s | %s | %s %s | %s | %s |\n"
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
            figure.goal());
  }

  private static String benchmarkOf(String row) {
    return row.substring(2, row.indexOf(' ', 2));
  }

  /**
   * Replaces the generated block of {@code document} (appending one if it has none yet). A run of
   * some benchmarks only ({@code --only}) keeps the other benchmarks' rows of the block, saying
   * which run each came from.
   */
  void writeInto(Path document) throws IOException {
    String text = Files.exists(document) ? Files.readString(document) : "";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    List<String> kept = new ArrayList<>();
    Map<String, String> keptFrom = new HashMap<>();
    if (begin >= 0 && end > begin) {
      Set<String> measured = figures.stream().map(Figure::benchmark).collect(Collectors.toSet());
      List<String> old = text.substring(begin + BEGIN.length(), end).lines().toList();
      old.stream()
          .filter(line -> line.matches("\\| B\\d+ \\|.*"))
          .filter(line -> !measured.contains(benchmarkOf(line)))
          .forEach(line -> kept.add(line + "\n"));
      runsOf(old, kept.stream().map(BenchReport::benchmarkOf).toList(), keptFrom);
    }
    String block = BEGIN + "\n" + markdown(kept, keptFrom) + END;
    String updated =
        begin >= 0 && end > begin
            ? text.substring(0, begin) + block + text.substring(end + END.length())
            : text + (text.isEmpty() ? "" : "\n") + block + "\n";
    Files.writeString(document, updated);
  }

  /**
   * Which run each benchmark's rows came from, read from an earlier block's head: "Run of …" (every
   * row of a whole run), or the lines "Rows of [B1, B2] kept from: …" and "Rows of [B4] from: …"
   * that a run of some benchmarks wrote, so a row keeps its run through any number of later runs.
   */
  private static void runsOf(List<String> head, List<String> benches, Map<String, String> runs) {
    Pattern rowsOf = Pattern.compile("^Rows of \\[([^]]*)] (?:kept )?from: (.*)$");
    for (String line : head) {
      if (line.startsWith("Run of ")) {
        benches.forEach(bench -> runs.putIfAbsent(bench, line));
      }
      Matcher matcher = rowsOf.matcher(line);
      if (matcher.matches() && !matcher.group(2).isBlank()) {
        for (String bench : matcher.group(1).split(",\\s*")) {
          runs.put(bench.strip(), matcher.group(2));
        }
      }
    }
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
