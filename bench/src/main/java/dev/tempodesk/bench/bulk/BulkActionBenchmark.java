package dev.tempodesk.bench.bulk;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.bench.list.ListApp;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * B7: one bulk action closing 1,000 tickets (issue 19, item 5), through the real app over HTTP:
 * from {@code POST /api/tickets/bulk} to the progress read that reports it done; beside the same
 * 1,000 changes made one by one with {@code PATCH /api/tickets/{number}} by one client, in the same
 * run (docs/benchmarks.md, "B7").
 */
public final class BulkActionBenchmark implements Benchmark {
  private static final int OPENING_THREADS = 4;
  private static final String CHANGE = "{\"status\": \"CLOSED\", \"comment\": \"Outage over\"}";

  @Override
  public String id() {
    return "B7";
  }

  @Override
  public String title() {
    return "Bulk action over many tickets";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    int count = scale.pick(1_000, 200, 10);
    TestDatabases.TestDatabase database = BenchDatabases.fresh();
    try (ListApp app = new ListApp(database)) {
      HttpApi agent = app.signedInAgents(1).getFirst();
      List<Long> bulk = open(agent, count);
      List<Long> oneByOne = open(agent, count);

      long started = System.nanoTime();
      JsonNode done = bulkClose(agent, bulk);
      double bulkSeconds = (System.nanoTime() - started) / 1e9;
      if (done.get("applied").asInt() != count || done.get("refused").asInt() != 0) {
        throw new IllegalStateException("B7: the bulk action reported " + done);
      }

      started = System.nanoTime();
      for (long number : oneByOne) {
        Response changed = agent.patch("/api/tickets/" + number, CHANGE);
        if (changed.status() != 200) {
          throw new IllegalStateException("B7: PATCH #" + number + " answered " + changed.body());
        }
      }
      double patchSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "   B7 %,d tickets: bulk action %.2f s, one PATCH after another %.2f s%n",
          count, bulkSeconds, patchSeconds);

      String name = "close %,d tickets".formatted(count);
      String baseline = "the same changes, one PATCH after another";
      return List.of(
          new Figure(
              id(),
              name + ": request → progress reports done",
              bulkSeconds,
              baseline,
              patchSeconds,
              "s",
              "finishes, time reported"),
          new Figure(
              id(),
              name + ": rate",
              count / bulkSeconds,
              baseline,
              count / patchSeconds,
              "tickets/s",
              ""));
    }
  }

  /** Opens {@code count} tickets as the API does (each starts its workflow), their numbers. */
  private static List<Long> open(HttpApi agent, int count) throws Exception {
    List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(OPENING_THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < OPENING_THREADS; t++) {
        int first = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = first; i < count; i += OPENING_THREADS) {
                    Response created =
                        agent.post(
                            "/api/tickets",
                            HttpApi.json(
                                Map.of(
                                    "subject", "Cannot print " + i,
                                    "description", "Since the outage.",
                                    "reporterEmail", "caller-" + i + "@customer.example")));
                    if (created.status() != 201) {
                      throw new IllegalStateException("B7: opening answered " + created.body());
                    }
                    numbers.add(created.body().get("number").asLong());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return numbers.stream().sorted().toList();
  }

  /** Starts the bulk action and polls its progress (every 50 ms) until it is done. */
  private static JsonNode bulkClose(HttpApi agent, List<Long> numbers) throws Exception {
    Response started =
        agent.post(
            "/api/tickets/bulk",
            HttpApi.json(
                Map.of(
                    "numbers",
                    numbers,
                    "changes",
                    Map.of("status", "CLOSED"),
                    "comment",
                    "Outage over")));
    if (started.status() != 202) {
      throw new IllegalStateException("B7: the bulk action answered " + started.body());
    }
    String location = started.header("Location") + "?limit=1";
    long deadline = System.currentTimeMillis() + 15 * 60_000;
    while (true) {
      JsonNode progress = agent.get(location).body();
      if (progress.get("done").asBoolean()) {
        return progress;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("B7: not done after 15 minutes: " + progress);
      }
      Thread.sleep(50);
    }
  }
}
