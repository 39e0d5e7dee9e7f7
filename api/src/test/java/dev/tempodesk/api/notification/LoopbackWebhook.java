package dev.tempodesk.api.notification;

import com.sun.net.httpserver.HttpServer;
import dev.tempodesk.activities.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP receiver standing in for Slack: records every post, can fail the next few. */
final class LoopbackWebhook implements AutoCloseable {
  record Post(
      String idempotencyKey, String body, int answeredWith, String timestamp, String signature) {

    /** Whether the post is signed with this secret (WebhookSignature, as docs/webhooks.md says). */
    boolean signedWith(String secret) {
      return WebhookSignature.verify(
          secret, timestamp, body.getBytes(StandardCharsets.UTF_8), signature, Instant.now());
    }
  }

  private final HttpServer server;
  private final List<Post> posts = new ArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();

  LoopbackWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
          synchronized (posts) {
            posts.add(
                new Post(
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    body,
                    status,
                    exchange.getRequestHeaders().getFirst("X-Tempodesk-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Tempodesk-Signature")));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void failNext(int n) {
    failNext.set(n);
  }

  List<Post> posts() {
    synchronized (posts) {
      return List.copyOf(posts);
    }
  }

  List<Post> accepted() {
    return posts().stream().filter(post -> post.answeredWith() == 200).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
