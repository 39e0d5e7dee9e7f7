package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every request, answers it with its route's next {@link ScriptedReply} if one is queued,
 * and otherwise dispatches {@code /v3/grants/...} and {@code /v3/connect/...}; every answer but a
 * scripted one gets a request id.
 */
final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  private final GrantRoutes grantRoutes;
  private final HostedAuth auth;

  private final RequestLog requests;
  private final ScriptedRoutes scripts;
  private final CountDownLatch closed;

  Router(
      GrantRoutes grantRoutes,
      HostedAuth auth,
      RequestLog requests,
      ScriptedRoutes scripts,
      CountDownLatch closed) {
    this.grantRoutes = grantRoutes;
    this.auth = auth;
    this.requests = requests;
    this.scripts = scripts;
    this.closed = closed;
  }

  void handle(HttpExchange exchange) throws IOException {
    String requestId = HttpRequests.newRequestId();
    try (exchange) {
      // Read the body once for the log; the handlers read it again from the copy.
      byte[] body = HttpRequests.body(exchange);
      exchange.setStreams(new ByteArrayInputStream(body), null);
      requests.add(RecordedRequest.of(exchange, body));
      Optional<ScriptedReply> scripted =
          scripts.next(exchange.getRequestMethod(), HttpRequests.pathSegments(exchange));
      if (scripted.isPresent()) {
        answer(exchange, scripted.get());
        return;
      }
      Reply reply;
      try {
        reply = route(exchange, requestId);
      } catch (NylasError e) {
        reply = e.reply(requestId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = FaultReplies.forStatus(503, requestId, 1);
      } catch (RuntimeException e) {
        log.warn("fake Nylas failed on {}", exchange.getRequestURI(), e);
        reply = FaultReplies.forStatus(500, requestId, 1);
      }
      HttpRequests.write(exchange, reply);
    }
  }

  /** Verbatim, after its delay; a server closing meanwhile answers nothing. */
  private void answer(HttpExchange exchange, ScriptedReply scripted) throws IOException {
    if (!scripted.delay().isZero()) {
      try {
        if (closed.await(scripted.delay().toNanos(), TimeUnit.NANOSECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    HttpRequests.write(exchange, scripted.reply());
  }

  private Reply route(HttpExchange exchange, String requestId) throws InterruptedException {
    List<String> path = HttpRequests.pathSegments(exchange);
    if (path.size() >= 2 && path.get(0).equals("v3") && path.get(1).equals("grants")) {
      return grantRoutes.handle(exchange, path.subList(2, path.size()), requestId);
    }
    String method = exchange.getRequestMethod();
    if (path.equals(List.of("v3", "connect", "auth")) && method.equals("GET")) {
      return auth.authorize(
          HttpRequests.params(exchange.getRequestURI().getRawQuery()),
          requestId,
          FakeNylasServer.DEFAULT_LOGIN_EMAIL);
    }
    if (path.equals(List.of("v3", "connect", "token")) && method.equals("POST")) {
      return auth.token(exchange, requestId);
    }
    throw NylasError.notFound("no such endpoint: " + exchange.getRequestURI().getRawPath());
  }
}
