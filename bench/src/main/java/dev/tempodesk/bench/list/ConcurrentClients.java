package dev.tempodesk.bench.list;

import dev.tempodesk.bench.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same request from several clients at once, each on its own thread and connection, and
 * collects every client's latencies. Each client warms up first (JIT, connection, caches) and the
 * timed part starts for all of them together.
 */
final class ConcurrentClients {
  /** One request by one client; throws if the answer is wrong. */
  interface Call {
    void run(int client, int iteration) throws Exception;
  }

  private ConcurrentClients() {}

  static Samples measure(int clients, int warmUp, int requests, Call call) throws Exception {
    CyclicBarrier start = new CyclicBarrier(clients);
    List<Future<Samples>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        results.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < warmUp; i++) {
                    call.run(client, i);
                  }
                  start.await();
                  Samples samples = new Samples();
                  for (int i = 0; i < requests; i++) {
                    long began = System.nanoTime();
                    call.run(client, warmUp + i);
                    samples.add((System.nanoTime() - began) / 1e6);
                  }
                  return samples;
                }));
      }
      Samples all = new Samples();
      for (Future<Samples> result : results) {
        all.addAll(result.get());
      }
      return all;
    }
  }
}
