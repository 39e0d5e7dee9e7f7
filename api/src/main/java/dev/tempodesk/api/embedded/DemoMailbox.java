package dev.tempodesk.api.embedded;

import dev.tempodesk.fakes.nylas.FakeNylasServer;
import dev.tempodesk.fakes.nylas.FaultPlan;
import java.util.Map;

/**
 * The embedded mode's support inbox: an in-process fake of the Nylas v3 API, so the real client,
 * sync and webhook code run against it. Mail in it is simulated (see the dev inbound-email API).
 */
public final class DemoMailbox implements AutoCloseable {
  public static final String GRANT_ID = "demo-grant";
  public static final String ADDRESS = "support@tempodesk.demo";
  static final String API_KEY = "demo-api-key";
  static final String CLIENT_ID = "demo-client-id";
  public static final String WEBHOOK_SECRET = "demo-webhook-secret";

  private final FakeNylasServer server;

  private DemoMailbox(FakeNylasServer server) {
    this.server = server;
  }

  static DemoMailbox start() {
    FakeNylasServer server = FakeNylasServer.start(API_KEY, CLIENT_ID, FaultPlan.none());
    server.addGrant(GRANT_ID, ADDRESS);
    // The fake's mail lives in memory but the embedded database survives restarts: ids of this
    // run must not collide with ids stored by an earlier one.
    server.idNamespace(Long.toString(System.currentTimeMillis(), 36) + "-");
    return new DemoMailbox(server);
  }

  public FakeNylasServer server() {
    return server;
  }

  Map<String, Object> springProperties() {
    return Map.of(
        "tempodesk.nylas.api-key", API_KEY,
        "tempodesk.nylas.api-uri", server.baseUrl(),
        "tempodesk.nylas.client-id", CLIENT_ID,
        "tempodesk.nylas.webhook-secret", WEBHOOK_SECRET,
        "tempodesk.nylas.grant-id", GRANT_ID);
  }

  @Override
  public void close() {
    server.close();
  }
}
