package dev.tempodesk.api.mail;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A Postgres server of its own that can be stopped and started again on the same port and data
 * directory, as an operator restarting the database would: every open connection breaks and new
 * ones are refused while it is down, and the data survives. (TestDatabases shares one server per
 * JVM, which cannot be stopped under other tests.) Callers get a Hikari pool with Spring Boot's
 * defaults, i.e. the pool the app uses, so a run through a restart also proves the pool recovers.
 */
final class RestartableDatabase implements AutoCloseable {
  private final int port;
  private final Path dataDirectory;
  private final HikariDataSource pool;
  private EmbeddedPostgres server;

  private RestartableDatabase(int port, Path dataDirectory) throws IOException {
    this.port = port;
    this.dataDirectory = dataDirectory;
    this.server = startServer();
    Flyway.configure()
        .dataSource(server.getPostgresDatabase())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    pool = new HikariDataSource();
    pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
    pool.setUsername("postgres");
    pool.setPoolName("restartable-db");
  }

  static RestartableDatabase start() throws IOException {
    return new RestartableDatabase(freePort(), Files.createTempDirectory("tempodesk-restart-pg"));
  }

  /** The app's view of the database: a connection pool. */
  DataSource dataSource() {
    return pool;
  }

  /**
   * Stops the server (fast shutdown: sessions are terminated, open transactions roll back), keeps
   * it down for {@code downtime}, then starts it again on the same port and data directory.
   */
  synchronized void restart(Duration downtime) throws IOException, InterruptedException {
    server.close();
    Thread.sleep(downtime.toMillis());
    server = startServer();
  }

  /** When the running server process started; later than the test's start after a restart. */
  synchronized OffsetDateTime serverStartedAt() {
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery("select pg_postmaster_start_time()")) {
      result.next();
      return result.getObject(1, OffsetDateTime.class);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not read the server's start time", e);
    }
  }

  private EmbeddedPostgres startServer() throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    pool.close();
    server.close();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
