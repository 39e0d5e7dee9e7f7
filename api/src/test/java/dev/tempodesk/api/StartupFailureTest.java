package dev.tempodesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails ends the process with a non-zero status, so a supervisor restarts it. The app
 * runs as a child JVM, as a user would start it, with the in-process Temporal server up (its
 * threads are what kept a failed start alive) and a database that refuses connections.
 */
class StartupFailureTest {
  private static final Duration BOUND = Duration.ofSeconds(45);

  @TempDir Path directory;

  @Test
  void shouldExitWithNonZeroStatusNamingTheProblemWhenTheDatabaseRefuses() throws Exception {
    int closedPort = freePort();
    Path output = directory.resolve("output.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TempodeskApplication.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("NYLAS_") || name.startsWith("TEMPORAL_"));
    env.put("DATABASE_URL", "postgres://tempodesk@127.0.0.1:" + closedPort + "/tempodesk");
    env.put("TEMPODESK_TEMPORAL_PORT", String.valueOf(freePort()));
    env.put("NYLAS_API_KEY", "startup-key");
    env.put("NYLAS_API_URI", "http://127.0.0.1:" + closedPort);
    env.put("SERVER_PORT", "0");

    long started = System.nanoTime();
    Process app = builder.start();
    boolean exited = app.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (!exited) {
      app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);

    assertThat(exited).as("the process ends by itself within %s; output:%n%s", BOUND, log).isTrue();
    assertThat(app.exitValue()).as(log).isNotZero();
    assertThat(log)
        .contains("Tempodesk: started in-memory Temporal server")
        .contains("Tempodesk cannot start: ")
        .contains("127.0.0.1:" + closedPort);
    System.out.printf(
        "Failed start exited with %d after %d ms%n", app.exitValue(), took.toMillis());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
