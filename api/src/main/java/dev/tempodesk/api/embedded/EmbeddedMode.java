package dev.tempodesk.api.embedded;

import dev.tempodesk.api.config.RuntimeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts whatever the environment does not provide: PostgreSQL without {@code DATABASE_URL},
 * Temporal without {@code TEMPORAL_ADDRESS}. Demo data goes only into an embedded database.
 */
public final class EmbeddedMode implements AutoCloseable {
  private final List<AutoCloseable> started = new ArrayList<>();
  private DemoMailbox demoMailbox;
  private final Map<String, Object> springProperties = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();

  public static EmbeddedMode start(RuntimeSettings settings) {
    EmbeddedMode mode = new EmbeddedMode();
    mode.springProperties.putAll(settings.springProperties());
    if (settings.database().embedded()) {
      Path dataDirectory =
          Path.of(settings.raw().getOrDefault("TEMPODESK_DATA_DIR", ".tempodesk"))
              .resolve("pgdata");
      int port = settings.ports().embeddedPostgres();
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory, port);
      mode.started.add(postgres);
      mode.springProperties.putAll(postgres.springProperties());
      mode.springProperties.put("tempodesk.demo", "true");
      mode.summary.add(
          "embedded PostgreSQL on port " + port + ", data in " + dataDirectory.toAbsolutePath());
    }
    if (settings.embeddedTemporal()) {
      int port = settings.ports().embeddedTemporal();
      mode.started.add(EmbeddedTemporalServer.start(port));
      mode.springProperties.put("spring.temporal.connection.target", "127.0.0.1:" + port);
      mode.summary.add("in-memory Temporal server on port " + port + " (real time)");
    }
    if (settings.nylas().demo()) {
      mode.demoMailbox = DemoMailbox.start();
      mode.started.add(mode.demoMailbox);
      mode.springProperties.putAll(mode.demoMailbox.springProperties());
      mode.summary.add(
          "demo mailbox "
              + DemoMailbox.ADDRESS
              + " (simulated mail, fake Nylas API at "
              + mode.demoMailbox.server().baseUrl()
              + ")");
    }
    return mode;
  }

  /** The simulated support inbox, when no Nylas application is configured. */
  public Optional<DemoMailbox> demoMailbox() {
    return Optional.ofNullable(demoMailbox);
  }

  public Map<String, Object> springProperties() {
    return springProperties;
  }

  public List<String> summary() {
    return summary;
  }

  @Override
  public void close() {
    for (AutoCloseable resource : started.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        // shutting down: report and keep closing the rest
        System.err.println("Could not stop " + resource + ": " + e.getMessage());
      }
    }
  }
}
