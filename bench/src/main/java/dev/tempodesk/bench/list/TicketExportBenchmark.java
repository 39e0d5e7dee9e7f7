package dev.tempodesk.bench.list;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * B9: {@code GET /api/tickets/export} of every ticket (CLOSED included) of B2's corpus, a million
 * at full scale, through HTTP from the real app; against Postgres writing the same tickets' columns
 * as CSV itself ({@code COPY ... TO STDOUT}, the fastest a CSV of them can come out of the
 * database). Both in the same JVM as the app, whose heap is sampled every 20 ms while each runs:
 * the export streams, so its peak should stay near COPY's, whatever the row count.
 */
public final class TicketExportBenchmark implements Benchmark {
  private static final String COPY =
      "copy (select t.number, t.subject, t.status, t.priority, g.name, a.display_name,"
          + " c.display_name, c.email, o.name, t.channel, array_to_string(t.tags, ', '),"
          + " t.pending_reason, t.resolution, t.created_at, t.updated_at, t.closed_at,"
          + " t.resolve_due_at"
          + " from tickets t join contacts c on c.id = t.reporter_id"
          + " left join agents a on a.id = t.assignee_id"
          + " left join organizations o on o.id = t.organization_id"
          + " left join groups g on g.id = t.group_id"
          + " order by t.sla_sort_key, t.number) to stdout with (format csv, header)";

  @Override
  public String id() {
    return "B9";
  }

  @Override
  public String title() {
    return "ticket CSV export";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    TicketCorpus corpus = new TicketCorpus(scale.pick(1_000_000, 100_000, 2_000));
    TestDatabases.TestDatabase database = BenchDatabases.fresh();
    try {
      long started = System.nanoTime();
      try (Connection connection = BenchDatabases.connect(database, "")) {
        corpus.fill(connection);
      }
      System.out.printf(
          "   B9 %,d tickets generated in %.1f s%n",
          corpus.tickets, (System.nanoTime() - started) / 1e9);
      try (ListApp app = new ListApp(database)) {
        HttpApi manager =
            TestAccounts.signIn(app.port(), app.accounts().agent("MANAGER").getEmail());
        // Warm up the app's code paths (and the database's cache for both runs alike).
        export(
            manager,
            "/api/tickets/export?includeDone=true&sort=CREATED&createdFrom=2000-01-01&createdTo=2000-01-02");
        Run copy = measure(() -> copy(database));
        Run export = measure(() -> export(manager, "/api/tickets/export?includeDone=true"));
        if (export.rows() != corpus.tickets) {
          throw new AssertionError(
              "B9: the export had " + export.rows() + " rows, not " + corpus.tickets);
        }
        System.out.printf(
            "   B9 export %,d rows in %.1f s (%,.0f rows/s, %.0f MiB, peak heap %.0f MiB);"
                + " COPY %,d rows in %.1f s (%,.0f rows/s, %.0f MiB, peak heap %.0f MiB)%n",
            export.rows(),
            export.seconds(),
            export.rows() / export.seconds(),
            export.bytes() / 1048576.0,
            export.peakHeapMiB(),
            copy.rows(),
            copy.seconds(),
            copy.rows() / copy.seconds(),
            copy.bytes() / 1048576.0,
            copy.peakHeapMiB());
        String name = "%,d tickets".formatted(corpus.tickets);
        String baseline = "Postgres COPY of the same columns to CSV";
        return List.of(
            new Figure(
                id(), name + ": time", export.seconds(), baseline, copy.seconds(), "s", "finishes"),
            new Figure(
                id(),
                name + ": rate",
                export.rows() / export.seconds(),
                baseline,
                copy.rows() / copy.seconds(),
                "rows/s",
                ""),
            new Figure(
                id(),
                name + ": peak heap while it runs (app and client in one JVM)",
                export.peakHeapMiB(),
                baseline,
                copy.peakHeapMiB(),
                "MiB",
                "stays flat (streamed)"));
      }
    } finally {
      BenchDatabases.drop(database);
    }
  }

  private record Run(long rows, long bytes, double seconds, double peakHeapMiB) {}

  private record Count(long rows, long bytes) {}

  private interface Work {
    Count run() throws Exception;
  }

  /** Runs {@code work} while a thread samples the heap in use; the peak of the samples. */
  private static Run measure(Work work) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                      Thread.sleep(20);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });
    long started = System.nanoTime();
    Count count;
    try {
      count = work.run();
    } finally {
      running.set(false);
      sampler.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Run(count.rows(), count.bytes(), seconds, peak.get() / 1048576.0);
  }

  /** Reads the export as a client would save it, counting rows (lines less the header). */
  private static Count export(HttpApi manager, String path) throws IOException {
    HttpResponse<InputStream> response = manager.stream(path);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("B9: export answered " + response.statusCode());
    }
    try (InputStream body = response.body()) {
      LineCounter counter = new LineCounter();
      body.transferTo(counter);
      return new Count(counter.lines - 1, counter.bytes);
    }
  }

  private static Count copy(TestDatabases.TestDatabase database) throws Exception {
    try (Connection connection = BenchDatabases.connect(database, "")) {
      LineCounter counter = new LineCounter();
      connection.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY, counter);
      return new Count(counter.lines - 1, counter.bytes);
    }
  }

  /** Counts bytes and line ends (no cell of the corpus holds one). */
  private static final class LineCounter extends OutputStream {
    long lines;
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
      bytes += length;
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }
  }
}
