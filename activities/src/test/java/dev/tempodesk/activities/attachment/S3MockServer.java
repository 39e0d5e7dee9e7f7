package dev.tempodesk.activities.attachment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Adobe's S3Mock for tests, one per JVM, run as a child JVM from its executable jar (copied to
 * {@code target/s3mock} by the build), so its Spring Boot 4.0 and Kotlin stay off our classpath.
 * Serves plain HTTP on a free loopback port with bucket {@link #BUCKET} created.
 */
public final class S3MockServer {
  public static final String BUCKET = "tempodesk-test";
  private static S3MockServer running;

  private final Process process;
  private final URI endpoint;

  private S3MockServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * The shared server, started on first use (up to minutes on a busy machine) and stopped when the
   * JVM exits.
   */
  public static synchronized S3MockServer shared() {
    if (running == null) {
      running = start();
      Runtime.getRuntime().addShutdownHook(new Thread(running.process::destroy));
    }
    return running;
  }

  public URI endpoint() {
    return endpoint;
  }

  private static S3MockServer start() {
    String jar = System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar");
    if (!new File(jar).isFile()) {
      throw new IllegalStateException(
          jar + " is missing; the build copies it (maven-dependency-plugin, s3mock-for-tests)");
    }
    try {
      int http = freePort();
      int https = freePort();
      Path root = Files.createTempDirectory("s3mock");
      Path log = root.resolve("s3mock.log");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process =
          new ProcessBuilder(
                  List.of(
                      java,
                      "-Xmx384m",
                      "-XX:TieredStopAtLevel=1",
                      "-XX:+UseSerialGC",
                      "-jar",
                      jar,
                      "--http.port=" + http,
                      "--server.port=" + https,
                      "--server.address=127.0.0.1",
                      "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                      "--com.adobe.testing.s3mock.store.root=" + root.resolve("data"),
                      "--com.adobe.testing.s3mock.max-payload-size=64MB",
                      "--spring.main.banner-mode=off"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      URI endpoint = URI.create("http://127.0.0.1:" + http);
      awaitBucket(process, endpoint, log);
      return new S3MockServer(process, endpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start S3Mock", e);
    }
  }

  private static void awaitBucket(Process process, URI endpoint, Path log) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint.resolve("/" + BUCKET))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited at start:\n" + Files.readString(log));
      }
      try {
        if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    process.destroy();
    throw new IllegalStateException("S3Mock did not come up:\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
