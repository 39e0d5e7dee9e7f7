package dev.tempodesk.bench.list;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * With {@code -Dbench.explain=true}, B2 prints the plan Postgres chose for each list query (EXPLAIN
 * ANALYZE, BUFFERS): the evidence behind an index, or the lack of one.
 */
final class QueryPlans {
  static final boolean ENABLED = Boolean.getBoolean("bench.explain");

  private QueryPlans() {}

  static void print(Connection connection, String name, RenderedQuery query) throws SQLException {
    try (PreparedStatement explain =
        connection.prepareStatement("explain (analyze, buffers) " + query.sql())) {
      for (int i = 0; i < query.binds().size(); i++) {
        explain.setObject(i + 1, query.binds().get(i));
      }
      StringBuilder plan = new StringBuilder("   plan of " + name + ":\n");
      try (ResultSet lines = explain.executeQuery()) {
        while (lines.next()) {
          plan.append("     ").append(lines.getString(1)).append('\n');
        }
      }
      System.out.print(plan);
    }
  }
}
