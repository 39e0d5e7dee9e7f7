package dev.tempodesk.bench.memory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * A child JVM running {@link TemporalServerMain} on this JVM's classpath: from the bench's fat jar
 * through Spring Boot's PropertiesLauncher (the classes sit in nested jars), otherwise (tests, an
 * IDE) with the plain classpath.
 */
final class TemporalServerProcess implements AutoCloseable {
  private static final String LAUNCHER =
      "org.springframework.boot.loader.launch.PropertiesLauncher";

  private final Process process;
  private final Path log;
  private final int port;

  private TemporalServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the server with at most {@code maxHeapMiB} of heap and waits until it listens. */
  static TemporalServerProcess start(int port, int maxHeapMiB) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeapMiB + "m");
    String classPath = System.getProperty("java.class.path");
    command.add("-cp");
    command.add(classPath);
    if (isSpringBootJar(classPath)) {
      command.add("-Dloader.main=" + TemporalServerMain.class.getName());
      command.add(LAUNCHER);
    } else {
      command.add(TemporalServerMain.class.getName());
    }
    command.add(Integer.toString(port));
    Path log = Files.createTempFile("tempodesk-bench-temporal-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    TemporalServerProcess server = new TemporalServerProcess(process, log, port);
    try {
      server.awaitListening(Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitListening(Duration timeout) {
    Instant giveUp = Instant.now().plus(timeout);
    while (Instant.now().isBefore(giveUp)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The Temporal server process exited (" + process.exitValue() + "); see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IllegalStateException("The Temporal server did not listen in time; see " + log);
  }

  private static boolean isSpringBootJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(classPath)) {
      return jar.getEntry("BOOT-INF/lib/") != null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // a left-over log file in the temp directory is harmless
    }
  }
}
