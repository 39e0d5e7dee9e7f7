package dev.tempodesk.bench.live;

import com.zaxxer.hikari.HikariDataSource;
import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.api.live.SseClient;
import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.bench.list.ListApp;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * B8: live updates (issue 20) to many open {@code GET /api/stream} clients while tickets change at
 * a steady rate: the delay from a change's commit to its receipt by each stream that may see it,
 * and whether every such stream received it. Beside the same changes delivered to one stream alone,
 * in the same run (docs/benchmarks.md, "B8").
 */
public final class LiveStreamBenchmark implements Benchmark {
  private static final int WRITERS = 4;
  private static final int TICKETS_PER_CUSTOMER = 2;
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Override
  public String id() {
    return "B8";
  }

  @Override
  public String title() {
    return "Live updates to many open streams";
  }

  /** One signed-in person with a stream: an agent (sees every ticket) or a ticket's customer. */
  private record Person(HttpApi api, Long customerId) {
    boolean sees(Change change) {
      return customerId == null || customerId.equals(change.reporterId());
    }
  }

  /** One ticket change: its live event's id, whose ticket it was, when its commit began. */
  private record Change(long eventId, long reporterId, long commitNanos) {}

  /** What one phase measured. */
  private record Result(
      int streams,
      int changes,
      double perSecond,
      Samples latencies,
      long delivered,
      long expected,
      long duplicates) {
    long lost() {
      return expected - delivered;
    }
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    int streams = scale.pick(200, 50, 4);
    int perSecond = scale.pick(50, 50, 20);
    Duration length = Duration.ofSeconds(scale.pick(30, 10, 2));
    int customers = Math.max(1, streams / 10);
    TestDatabases.TestDatabase database = BenchDatabases.fresh();
    try (ListApp app = new ListApp(database);
        HikariDataSource pool = BenchDatabases.pool(database)) {
      List<Person> people = new ArrayList<>();
      app.signedInAgents(streams - customers).forEach(api -> people.add(new Person(api, null)));
      TestAccounts accounts = app.accounts();
      Map<Long, Long> reporters = new HashMap<>();
      HttpApi opener = people.getFirst().api();
      for (int i = 0; i < customers; i++) {
        ContactsRecord customer = accounts.customer(null);
        people.add(
            new Person(TestAccounts.signIn(app.port(), customer.getEmail()), customer.getId()));
        for (int t = 0; t < TICKETS_PER_CUSTOMER; t++) {
          reporters.put(open(opener, customer.getId(), i, t), customer.getId());
        }
      }
      List<Long> tickets = List.copyOf(reporters.keySet());
      Person first = people.getFirst();

      String loadBefore = loadAverage();
      measure(
          pool, List.of(first), tickets, reporters, perSecond, Duration.ofSeconds(1)); // warm-up
      Result one = measure(pool, List.of(first), tickets, reporters, perSecond, length);
      Result many = measure(pool, people, tickets, reporters, perSecond, length);
      String loadAfter = loadAverage();
      for (Result result : List.of(one, many)) {
        System.out.printf(
            Locale.ROOT,
            "   B8 %d streams: %,d changes at %.1f/s; delivered %,d of %,d (lost %,d, twice %,d);"
                + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            result.streams(),
            result.changes(),
            result.perSecond(),
            result.delivered(),
            result.expected(),
            result.lost(),
            result.duplicates(),
            result.latencies().p50(),
            result.latencies().percentile(95),
            result.latencies().p99(),
            result.latencies().percentile(100));
      }
      System.out.printf("   B8 load average before: %s, after: %s%n", loadBefore, loadAfter);

      String load = "%d streams, %d changes/s".formatted(streams, perSecond);
      List<Figure> figures = new ArrayList<>();
      for (int percentile : new int[] {50, 95, 99}) {
        figures.add(
            new Figure(
                id(),
                "commit → stream, " + load + ", p" + percentile,
                many.latencies().percentile(percentile),
                "1 stream, same changes",
                one.latencies().percentile(percentile),
                "ms",
                percentile == 99 ? "p99 < 1 s" : ""));
      }
      figures.add(
          new Figure(
              id(),
              "events delivered, " + load,
              many.delivered(),
              "expected (each stream, each change it may see)",
              many.expected(),
              "events",
              "none lost"));
      return figures;
    } finally {
      BenchDatabases.drop(database);
    }
  }

  /** Opens a ticket for this customer through the API (which starts its workflow). */
  private static long open(HttpApi agent, long customerId, int customer, int ticket) {
    Response created =
        agent.post(
            "/api/tickets",
            HttpApi.json(
                Map.of(
                    "subject",
                    "Dashboard stale " + customer + "-" + ticket,
                    "description",
                    "Numbers do not move.",
                    "reporterId",
                    customerId)));
    if (created.status() != 201) {
      throw new IllegalStateException("B8: opening answered " + created.body());
    }
    return created.body().get("number").asLong();
  }

  /**
   * Opens a stream for each person, changes tickets (round robin) at {@code perSecond} for {@code
   * length}, waits until every stream has every change it may see (at most {@link #GRACE}), closes
   * the streams and reads what each received.
   */
  private static Result measure(
      HikariDataSource pool,
      List<Person> people,
      List<Long> tickets,
      Map<Long, Long> reporters,
      int perSecond,
      Duration length)
      throws Exception {
    List<SseClient> clients = openStreams(people);
    try {
      long started = System.nanoTime();
      List<Change> changes = change(pool, tickets, reporters, perSecond, length);
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<Long, Change> byId = new HashMap<>();
      changes.forEach(change -> byId.put(change.eventId(), change));
      long expected = 0;
      for (Person person : people) {
        expected += changes.stream().filter(person::sees).count();
      }
      long deadline = System.nanoTime() + GRACE.toNanos();
      while (received(clients, byId) < expected && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Samples latencies = new Samples();
      long delivered = 0;
      long duplicates = 0;
      for (SseClient client : clients) {
        Set<Long> seen = new HashSet<>();
        for (SseClient.Event event : client.seen()) {
          Change change = byId.get(event.id());
          if (change == null) {
            continue; // an event of the app's own (ticket opened, workflow bookkeeping)
          }
          if (!seen.add(event.id())) {
            duplicates++;
            continue;
          }
          delivered++;
          latencies.add((event.receivedNanos() - change.commitNanos()) / 1e6);
        }
      }
      return new Result(
          people.size(),
          changes.size(),
          changes.size() / seconds,
          latencies,
          delivered,
          expected,
          duplicates);
    } finally {
      for (SseClient client : clients) {
        client.close();
      }
    }
  }

  private static long received(List<SseClient> clients, Map<Long, Change> changes) {
    long count = 0;
    for (SseClient client : clients) {
      count += client.seen().stream().filter(event -> changes.containsKey(event.id())).count();
    }
    return count;
  }

  /** Opens the streams 16 at a time (each is one sign-in's session, as one browser tab). */
  private static List<SseClient> openStreams(List<Person> people) throws Exception {
    ExecutorService opening = Executors.newFixedThreadPool(16);
    try {
      List<Future<SseClient>> opened = new ArrayList<>();
      for (Person person : people) {
        opened.add(opening.submit(() -> SseClient.open(person.api(), null)));
      }
      List<SseClient> clients = new ArrayList<>();
      for (Future<SseClient> client : opened) {
        clients.add(client.get());
      }
      return clients;
    } finally {
      opening.shutdownNow();
    }
  }

  /**
   * Changes tickets at a fixed rate: each change is one write of the read model (the ticket row, as
   * the ticket workflow's store activity writes it) in its own transaction, on {@link #WRITERS}
   * pooled connections. Its event id is read in the same transaction, and the clock is read just
   * before the commit, so every delay includes the commit itself.
   */
  private static List<Change> change(
      HikariDataSource pool,
      List<Long> tickets,
      Map<Long, Long> reporters,
      int perSecond,
      Duration length)
      throws Exception {
    int count = (int) (perSecond * length.toMillis() / 1000);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    Map<Integer, Future<Change>> made = new ConcurrentHashMap<>();
    int[] next = {0};
    try {
      var ticking =
          clock.scheduleAtFixedRate(
              () -> {
                int i = next[0]++;
                if (i < count) {
                  long number = tickets.get(i % tickets.size());
                  made.put(i, writers.submit(() -> changeOne(pool, number, reporters.get(number))));
                }
              },
              0,
              1_000_000_000L / perSecond,
              TimeUnit.NANOSECONDS);
      long deadline = System.nanoTime() + length.toNanos() + Duration.ofSeconds(60).toNanos();
      while (made.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      ticking.cancel(false);
      List<Change> changes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Future<Change> change = made.get(i);
        if (change == null) {
          throw new IllegalStateException("B8: change " + i + " was never scheduled");
        }
        changes.add(change.get());
      }
      return changes;
    } finally {
      clock.shutdownNow();
      writers.shutdown();
      writers.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private static Change changeOne(HikariDataSource pool, long number, long reporterId)
      throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement update =
              connection.prepareStatement(
                  "update tickets set updated_at = clock_timestamp() where number = ?");
          PreparedStatement eventId =
              connection.prepareStatement("select currval('live_events_id_seq')")) {
        update.setLong(1, number);
        if (update.executeUpdate() != 1) {
          throw new IllegalStateException("B8: ticket #" + number + " not found");
        }
        long id;
        try (ResultSet row = eventId.executeQuery()) {
          row.next();
          id = row.getLong(1);
        }
        long commitNanos = System.nanoTime();
        connection.commit();
        return new Change(id, reporterId, commitNanos);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
