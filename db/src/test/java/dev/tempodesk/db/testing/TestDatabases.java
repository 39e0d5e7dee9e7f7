package dev.tempodesk.db.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real Postgres for tests: one embedded server per JVM, a fresh migrated database per call, so
 * test classes never see each other's rows.
 *
 * <p>The latest schema is migrated once per JVM into a template database that nobody connects to
 * afterwards; each {@link #fresh} database is a copy of it ({@code create database … template}),
 * which takes a fraction of the time of running every migration again (Flyway's scan, validation
 * and some thirty scripts per database, hundreds of times per build). A copy carries the template's
 * schema history, so a later {@code migrate()} (the app's Flyway at start-up) finds it up to date,
 * exactly as on a database migrated in place.
 */
public final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static final int POOL_SIZE = 20;
  private static final Map<String, HikariDataSource> POOLS = new ConcurrentHashMap<>();
  private static String latestTemplate;

  private TestDatabases() {}

  /** A new, empty database, migrated to the latest schema. */
  public static TestDatabase fresh() {
    return database(newDatabase(latestTemplate()));
  }

  /** A new, empty database migrated up to a version (e.g. "15"), or the latest when null. */
  public static TestDatabase migratedTo(String version) {
    TestDatabase database = database(newDatabase(null));
    Flyway.configure()
        .dataSource(database.unpooled())
        .locations("classpath:db/migration")
        .target(version == null ? "latest" : version)
        .load()
        .migrate();
    return database;
  }

  /**
   * The database every {@link #fresh} one is copied from, migrated to the latest schema on first
   * use. Its sessions are ended after the migration: Postgres copies only a database nobody is
   * connected to.
   */
  private static synchronized String latestTemplate() {
    if (latestTemplate == null) {
      String name = newDatabase(null);
      database(name).migrate();
      execute(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
              + name
              + "' and pid <> pg_backend_pid()");
      latestTemplate = name;
    }
    return latestTemplate;
  }

  /** The name of a new empty database, or of a new copy of {@code template} when one is given. */
  private static String newDatabase(String template) {
    String name = "tempodesk_test_" + COUNTER.incrementAndGet();
    execute("create database " + name + (template == null ? "" : " template " + template));
    return name;
  }

  private static TestDatabase database(String name) {
    return new TestDatabase(server().getJdbcUrl("postgres", name));
  }

  private static void execute(String sql) {
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run on the test server: " + sql, e);
    }
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        // Each cached Spring context keeps a pool and a LISTEN connection open: the default 100
        // ran out once the suite had as many contexts as today's (a fresh database then failed).
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded Postgres", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is going away; nothing left to clean up
    }
  }

  /** One test database: its JDBC URL (user postgres, no password) and a data source. */
  public record TestDatabase(String jdbcUrl) {
    /** Applies the remaining migrations (after {@link #migratedTo}). */
    public void migrate() {
      Flyway.configure()
          .dataSource(unpooled())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    }

    /**
     * A connection pool over the database, one per database, as the app has one (Hikari): without
     * it every statement outside a transaction opens a new connection, i.e. forks a Postgres
     * backend, which made the test rigs' workflows ten times slower than the app's (assignment
     * latency p50 300 ms in AssignmentLatencyTest against 30 ms in benchmark B4's pooled rig).
     * Connections are made as needed and closed after 10 s idle, so the databases of finished tests
     * hold none.
     */
    public DataSource dataSource() {
      return POOLS.computeIfAbsent(jdbcUrl, TestDatabases::pool);
    }

    /** A data source without a pool, for one-off work such as migrating. */
    DataSource unpooled() {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(jdbcUrl);
      dataSource.setUser("postgres");
      return dataSource;
    }
  }

  private static HikariDataSource pool(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername("postgres");
    config.setPoolName("test-" + jdbcUrl.replaceAll(".*/|\\?.*", ""));
    // Above the app's 10: test rigs run more concurrent activities and helper threads than one
    // app instance's pool serves, and must never wait on the pool where they did not before.
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);
    config.setIdleTimeout(Duration.ofSeconds(10).toMillis());
    return new HikariDataSource(config);
  }
}
