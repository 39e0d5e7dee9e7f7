package dev.tempodesk.bench.ingest;

import static dev.tempodesk.db.jooq.Tables.MAILBOXES;

import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * B1: a backlog of customer email drained through the whole path (fake Nylas → sync → Postgres →
 * ticket workflows), against the same rows written with batched JDBC. See docs/benchmarks.md.
 */
public final class IngestBenchmark implements Benchmark {

  @Override
  public String id() {
    return "B1";
  }

  @Override
  public String title() {
    return "email ingest";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    MailLoad load = new MailLoad(scale.pick(10_000, 2_000, 50), scale.pick(2_000, 400, 10));
    Duration timeout = Duration.ofMinutes(scale.pick(10, 5, 2));
    Drained drained = drainThroughTempodesk(load, timeout);
    JdbcIngestBaseline.Result baseline =
        new JdbcIngestBaseline().run(drained.mail(), IngestRig.GRANT, IngestRig.ADDRESS);
    if (!baseline.rows().equals(drained.rows())) {
      throw new AssertionError(
          "the baseline wrote other rows than Tempodesk: "
              + baseline.rows()
              + " vs "
              + drained.rows());
    }
    System.out.printf(
        "   B1 %,d emails in %,d threads: drained in %.2f s; rows %s; batched JDBC %.2f s%n",
        load.emails(),
        load.threads(),
        seconds(drained.took()),
        drained.rows(),
        seconds(baseline.took()));
    String baselineName = "same rows, batched JDBC";
    String size = "%,d emails / %,d threads".formatted(load.emails(), load.threads());
    return List.of(
        new Figure(
            id(),
            "ingest rate, " + size,
            load.emails() / seconds(drained.took()),
            baselineName,
            load.emails() / seconds(baseline.took()),
            "emails/s",
            ""),
        new Figure(
            id(),
            "time to drain, " + size,
            seconds(drained.took()),
            baselineName,
            seconds(baseline.took()),
            "s",
            ""));
  }

  private record Drained(List<FakeMessage> mail, Duration took, Map<String, Integer> rows) {}

  /**
   * The sync runs idle (its first pass found an empty mailbox), then the whole load lands in the
   * mailbox and the sync is poked, as the provider's webhook would. The clock runs from the first
   * email's arrival to the moment the last ticket workflow applied its last message.
   */
  private static Drained drainThroughTempodesk(MailLoad load, Duration timeout) throws Exception {
    try (IngestRig rig = new IngestRig()) {
      MailboxSyncWorkflow sync = rig.startSync();
      awaitFirstPass(rig);
      Instant firstAvailable = Instant.now();
      List<FakeMessage> mail = load.deliver(rig.nylas, IngestRig.GRANT);
      sync.pollNow();
      Instant drainedAt = new DrainWatch(rig).awaitDrained(mail, load.threads(), timeout);
      try (Connection connection = rig.dataSource.getConnection()) {
        return new Drained(
            mail,
            Duration.between(firstAvailable, drainedAt),
            JdbcIngestBaseline.countRows(connection));
      }
    }
  }

  private static void awaitFirstPass(IngestRig rig) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (rig.jooq.dsl().fetchExists(MAILBOXES, MAILBOXES.LAST_SYNCED_AT.isNull())) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the mailbox sync made no first pass within 30 s");
      }
      Thread.sleep(50);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
