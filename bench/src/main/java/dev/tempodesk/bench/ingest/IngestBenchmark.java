package dev.tempodesk.bench.ingest;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENTS;
import static dev.tempodesk.db.jooq.Tables.MAILBOXES;

import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.fakes.nylas.FakeMessage;
import dev.tempodesk.workflows.mailbox.MailboxSyncWorkflow;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

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
    MailLoad withFiles = load.withFiles(FILE_SHARE, FILE_BYTES);
    Drained drainedWithFiles = drainThroughTempodesk(withFiles, timeout);
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
    System.out.printf(
        "   B1 with files: %,d of the emails carry 1 MB: drained in %.2f s, all files stored after"
            + " %.2f s%n",
        withFiles.filesCarried(),
        seconds(drainedWithFiles.took()),
        seconds(drainedWithFiles.filesStored()));
    String baselineName = "same rows, batched JDBC";
    String size = "%,d emails / %,d threads".formatted(load.emails(), load.threads());
    String files = "20 %% carry 1 MB, %s".formatted(size);
    String sameMail = "same mail without files (this run)";
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
            ""),
        new Figure(
            id(),
            "ingest rate, " + files,
            load.emails() / seconds(drainedWithFiles.took()),
            sameMail,
            load.emails() / seconds(drained.took()),
            "emails/s",
            "≥ 0.8×"),
        new Figure(
            id(),
            "time to drain, " + files,
            seconds(drainedWithFiles.took()),
            sameMail,
            seconds(drained.took()),
            "s",
            "≤ 1.2×"),
        new Figure(
            id(),
            "all files stored, " + files,
            seconds(drainedWithFiles.filesStored()),
            "its tickets drained",
            seconds(drainedWithFiles.took()),
            "s",
            ""));
  }

  /** Issue 17: a fifth of the emails carry a file of 1 MB. */
  static final double FILE_SHARE = 0.2;

  static final int FILE_BYTES = 1024 * 1024;

  /**
   * @param filesStored from the first email's arrival until the last file was stored (zero without
   *     files)
   */
  private record Drained(
      List<FakeMessage> mail, Duration took, Map<String, Integer> rows, Duration filesStored) {}

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
      Instant filesStoredAt = awaitFilesStored(rig, load.filesCarried(), timeout);
      try (Connection connection = rig.dataSource.getConnection()) {
        return new Drained(
            mail,
            Duration.between(firstAvailable, drainedAt),
            JdbcIngestBaseline.countRows(connection),
            load.filesCarried() == 0
                ? Duration.ZERO
                : Duration.between(firstAvailable, filesStoredAt));
      }
    }
  }

  /**
   * Waits until all {@code expected} files are STORED (fails on any other end) and returns when the
   * last one was, read from the rows.
   */
  private static Instant awaitFilesStored(IngestRig rig, int expected, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (rig.jooq.dsl().fetchCount(ATTACHMENTS, ATTACHMENTS.STATE.eq("STORED")) < expected) {
      int unfinished =
          rig.jooq.dsl().fetchCount(ATTACHMENTS, ATTACHMENTS.STATE.in("FAILED", "REFUSED"));
      if (unfinished > 0) {
        throw new AssertionError(unfinished + " files were not stored");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not all " + expected + " files were stored in time");
      }
      Thread.sleep(100);
    }
    int total = rig.jooq.dsl().fetchCount(ATTACHMENTS);
    if (total != expected) {
      throw new AssertionError(total + " files recorded, " + expected + " sent");
    }
    OffsetDateTime last =
        rig.jooq
            .dsl()
            .select(DSL.max(ATTACHMENTS.UPDATED_AT))
            .from(ATTACHMENTS)
            .fetchOne()
            .value1();
    return last == null ? Instant.now() : last.toInstant();
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
