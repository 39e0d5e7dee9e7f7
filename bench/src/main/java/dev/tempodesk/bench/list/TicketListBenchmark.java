package dev.tempodesk.bench.list;

import dev.tempodesk.bench.BenchDatabases;
import dev.tempodesk.bench.BenchScale;
import dev.tempodesk.bench.Benchmark;
import dev.tempodesk.bench.Figure;
import dev.tempodesk.bench.Samples;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.ticket.TicketCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * B2: {@code GET /api/tickets} of the real app over a million tickets with five messages each, 8
 * agents at once: the default first page, a page deep down the keyset, searches of subject words
 * and of words only message bodies hold; against the same SQL run over JDBC from 8 threads. See
 * docs/benchmarks.md.
 */
public final class TicketListBenchmark implements Benchmark {
  static final int CLIENTS = 8;

  /** Words of different frequency: a product (1 in 40), a phrase, two words, a rare word. */
  static final List<String> SEARCHES =
      List.of("printer", "crashes", "vpn disconnecting", "firmware");

  /**
   * Words only bodies hold (see TicketCorpus): 1 ticket in 20, 1 in 3, 1 in 500, and one ticket's
   * order code (set per corpus, a recent ticket's).
   */
  static final List<String> BODY_SEARCHES = List.of("courier", "amber", "0x80070057");

  @Override
  public String id() {
    return "B2";
  }

  @Override
  public String title() {
    return "ticket list";
  }

  @Override
  public List<Figure> run(BenchScale scale) throws Exception {
    TicketCorpus corpus = new TicketCorpus(scale.pick(1_000_000, 100_000, 2_000));
    int warmUp = scale.pick(25, 10, 2);
    int requests = scale.pick(250, 100, 5);
    TestDatabases.TestDatabase database = BenchDatabases.fresh();
    try {
      long started = System.nanoTime();
      long live;
      try (Connection connection = BenchDatabases.connect(database, "")) {
        live = corpus.fill(connection);
      }
      int deepPage = (int) Math.min(500, live / ListRequest.PAGE_SIZE - 1);
      System.out.printf(
          "   B2 %,d tickets (%,d live) generated in %.1f s; deep page = page %d%n",
          corpus.tickets, live, (System.nanoTime() - started) / 1e9, deepPage);
      List<Kind> kinds = kinds(database, deepPage, corpus);
      List<Samples> app = measureApp(database, kinds, warmUp, requests);
      List<Samples> baseline = measureJdbc(database, kinds, warmUp, requests);
      List<Figure> figures = new ArrayList<>();
      for (int k = 0; k < kinds.size(); k++) {
        String name = kinds.get(k).name() + ", " + CLIENTS + " clients";
        String goal = k == 0 ? "p99 < 25 ms" : k == 3 ? "within 2× the same SQL" : "";
        figures.add(
            figure(name + " p50", app.get(k).p50(), baseline.get(k).p50(), k == 3 ? goal : ""));
        figures.add(figure(name + " p99", app.get(k).p99(), baseline.get(k).p99(), goal));
      }
      return figures;
    } finally {
      BenchDatabases.drop(database);
    }
  }

  /** A measured request kind: its requests by iteration (the searches take turns). */
  private record Kind(String name, List<ListRequest> requests) {
    ListRequest request(int i) {
      return requests.get(i % requests.size());
    }
  }

  private static List<Kind> kinds(
      TestDatabases.TestDatabase database, int deepPage, TicketCorpus corpus) throws SQLException {
    TicketCursor deep = cursorBefore(database, deepPage);
    List<String> bodySearches = new ArrayList<>(BODY_SEARCHES);
    bodySearches.add(corpus.orderCode(corpus.tickets - 2));
    return List.of(
        new Kind("first page", List.of(ListRequest.firstPage())),
        new Kind("page " + deepPage + " (keyset)", List.of(ListRequest.after(deep))),
        new Kind("text search", SEARCHES.stream().map(ListRequest::search).toList()),
        new Kind("body text search", bodySearches.stream().map(ListRequest::search).toList()));
  }

  /** The cursor a client holds after following nextCursor to page {@code page} (1-based). */
  private static TicketCursor cursorBefore(TestDatabases.TestDatabase database, int page)
      throws SQLException {
    try (Connection connection = BenchDatabases.connect(database, "");
        PreparedStatement last =
            connection.prepareStatement(
                "select sla_sort_key, number from tickets where status <> 'CLOSED'"
                    + " order by sla_sort_key, number offset ? limit 1")) {
      last.setInt(1, (page - 1) * ListRequest.PAGE_SIZE - 1);
      try (ResultSet row = last.executeQuery()) {
        row.next();
        return new TicketCursor(row.getLong(1), row.getLong(2));
      }
    }
  }

  private static List<Samples> measureApp(
      TestDatabases.TestDatabase database, List<Kind> kinds, int warmUp, int requests)
      throws Exception {
    try (ListApp app = new ListApp(database)) {
      List<AgentBrowser> browsers =
          app.signedInAgents(CLIENTS).stream()
              .map(api -> new AgentBrowser(app.port(), api))
              .toList();
      List<Samples> samples = new ArrayList<>();
      for (Kind kind : kinds) {
        samples.add(
            ConcurrentClients.measure(
                CLIENTS,
                warmUp,
                requests,
                (client, i) -> browsers.get(client).get(kind.request(i).path())));
      }
      return samples;
    }
  }

  private static List<Samples> measureJdbc(
      TestDatabases.TestDatabase database, List<Kind> kinds, int warmUp, int requests)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        connections.add(BenchDatabases.connect(database, ""));
      }
      List<Samples> samples = new ArrayList<>();
      for (Kind kind : kinds) {
        // Rendered once per distinct request, as jOOQ would render it for the app.
        List<RenderedQuery> rendered = new ArrayList<>();
        for (ListRequest request : kind.requests()) {
          rendered.add(RenderedQuery.of(database.dataSource(), request));
          if (QueryPlans.ENABLED) {
            QueryPlans.print(connections.getFirst(), request.path(), rendered.getLast());
          }
        }
        samples.add(
            ConcurrentClients.measure(
                CLIENTS,
                warmUp,
                requests,
                (client, i) -> rendered.get(i % rendered.size()).execute(connections.get(client))));
      }
      return samples;
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  private Figure figure(String name, double value, double baseline, String goal) {
    return new Figure(id(), name, value, "same SQL over JDBC", baseline, "ms", goal);
  }
}
