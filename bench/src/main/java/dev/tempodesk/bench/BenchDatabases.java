package dev.tempodesk.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tempodesk.db.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh embedded Postgres databases for the benchmarks, reached the way the app reaches its own:
 * through a Hikari pool of Spring Boot's default size. An unpooled data source would open a
 * Postgres backend per statement and measure that instead of Tempodesk.
 */
public final class BenchDatabases {
  /** Spring Boot's default Hikari pool size, which the app runs with. */
  public static final int POOL_SIZE = 10;

  private BenchDatabases() {}

  /** A new migrated database (see TestDatabases.fresh). */
  public static TestDatabases.TestDatabase fresh() {
    return TestDatabases.fresh();
  }

  /** A pool over the database, sized like Spring Boot's default (10 connections). */
  public static HikariDataSource pool(TestDatabases.TestDatabase database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }

  /**
   * One plain connection (no pool), for baselines that hold theirs for the whole run.
   *
   * @param options pgjdbc URL options, e.g. "reWriteBatchedInserts=true", or ""
   */
  public static Connection connect(TestDatabases.TestDatabase database, String options)
      throws SQLException {
    String url = database.jdbcUrl();
    if (!options.isEmpty()) {
      url += (url.contains("?") ? "&" : "?") + options;
    }
    return DriverManager.getConnection(url, "postgres", "");
  }

  /** Drops the database so a large one does not fill the disk for the rest of the run. */
  public static void drop(TestDatabases.TestDatabase database) throws SQLException {
    String url = database.jdbcUrl();
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String name = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    String admin =
        url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
    try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
    }
  }
}
