package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches {@code /v3/grants/...} and {@code /v3/connect/...}; every answer gets a request id.
 */
final class Router {
  private static final Logger log = LoggerFactory.getLogger(Router.class);

  private final GrantRoutes grantRoutes;
  private final HostedAuth auth;

  Router(GrantRoutes grantRoutes, HostedAuth auth) {
    this.grantRoutes = grantRoutes;
    this.auth = auth;
  }

  void handle(HttpExchange exchange) throws IOException {
    String requestId = HttpRequests.newRequestId();
    try (exchange) {
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
