package dev.tempodesk.fakes.nylas;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process Nylas API v3 (email subset) on 127.0.0.1, for the embedded demo mailbox and for
 * tests: grants, messages, threads, folders, send with idempotency, hosted OAuth, signed webhooks
 * and injected faults. Mail is put in through Java ({@link #receive}), read through HTTP. For a
 * client's own tests it also answers scripted replies ({@link #script}) and records the requests it
 * gets ({@link #requests}).
 */
public final class FakeNylasServer implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, each small
    // response then waits for the client's delayed ACK (about 40 ms). Read once per JVM, before
    // the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public static final String DEFAULT_LOGIN_EMAIL = "support@tempodesk.example";

  private final String clientId;
  private final Clock clock;
  private final FaultPlan faults;
  private final Grants grants;
  private final MessageFactory factory = new MessageFactory();
  private final SendHandler sender;
  private final RequestLog requests = new RequestLog();
  private final ScriptedRoutes scripts = new ScriptedRoutes();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer http;
  private volatile WebhookSender webhooks;

  private FakeNylasServer(String apiKey, String clientId, FaultPlan faults, Clock clock, int port)
      throws IOException {
    this.clientId = clientId;
    this.clock = clock;
    this.faults = faults;
    this.grants = new Grants(clock);
    this.sender = new SendHandler(factory, clock, faults, this::notifyCreated);
    Router router =
        new Router(
            new GrantRoutes(apiKey, faults, grants::find, sender),
            new HostedAuth(apiKey, clientId, clock, grants::forEmail, grants::find),
            requests,
            scripts,
            closed);
    this.http =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
    http.createContext("/", router::handle);
    http.setExecutor(executor);
    http.start();
  }

  public static FakeNylasServer start(String apiKey, String clientId, FaultPlan faults) {
    return start(apiKey, clientId, faults, Clock.systemUTC());
  }

  public static FakeNylasServer start(
      String apiKey, String clientId, FaultPlan faults, Clock clock) {
    return startOn(0, apiKey, clientId, faults, clock);
  }

  /**
   * On a chosen port, e.g. one an app under test was configured with while nothing listened on it
   * ("Nylas is down"); 0 picks a free one.
   */
  public static FakeNylasServer startOn(
      int port, String apiKey, String clientId, FaultPlan faults, Clock clock) {
    try {
      return new FakeNylasServer(apiKey, clientId, faults, clock, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake Nylas server", e);
    }
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public FaultPlan faults() {
    return faults;
  }

  public void addGrant(String grantId, String email) {
    grants.add(grantId, email);
  }

  /**
   * A grant of another provider than Google: {@code imap} (also {@code icloud}, {@code yahoo})
   * threads replies by Message-ID only, {@code microsoft} refuses custom headers not named X-….
   */
  public void addGrant(String grantId, String email, String provider) {
    grants.add(grantId, email, provider);
  }

  public FakeMailbox mailbox(String grantId) {
    return grants.require(grantId);
  }

  /** An inbound mail received now; it is also announced to the webhook, if one is enabled. */
  public FakeMessage receive(String grantId, InboundEmail email) {
    return receiveAt(grantId, email, clock.instant().getEpochSecond());
  }

  public FakeMessage receiveAt(String grantId, InboundEmail email, long epochSeconds) {
    return receiveInto(grantId, email, epochSeconds, FakeMailbox.INBOX);
  }

  /**
   * A mail received now into another folder than the inbox, e.g. {@link FakeMailbox#JUNK} where the
   * provider's spam filter put it, or {@link FakeMailbox#TRASH}.
   */
  public FakeMessage receiveInto(String grantId, InboundEmail email, String folderId) {
    return receiveInto(grantId, email, clock.instant().getEpochSecond(), folderId);
  }

  private FakeMessage receiveInto(
      String grantId, InboundEmail email, long epochSeconds, String folderId) {
    FakeMailbox box = grants.require(grantId);
    FakeMessage message = factory.inbound(box, email, epochSeconds, folderId);
    box.add(message);
    notifyCreated(message);
    return message;
  }

  /**
   * A raw RFC 5322 / MIME mail received now, served as Nylas would serve it (see {@link RawMail});
   * also announced to the webhook, if one is enabled.
   */
  public FakeMessage receiveRaw(String grantId, byte[] rfc822) {
    FakeMailbox box = grants.require(grantId);
    FakeMessage message = factory.inboundRaw(box, rfc822, clock.instant().getEpochSecond());
    box.add(message);
    notifyCreated(message);
    return message;
  }

  /** A draft by the grant's user, in DRAFTS and listed with the messages; no webhook. */
  public FakeMessage addDraft(
      String grantId, String to, String subject, String body, String inReplyToProviderId) {
    FakeMailbox box = grants.require(grantId);
    FakeMessage draft =
        factory.draft(
            box, to, subject, body, inReplyToProviderId, clock.instant().getEpochSecond());
    box.add(draft);
    return draft;
  }

  /** Messages sent through the API, oldest first. */
  public List<FakeMessage> sent(String grantId) {
    return grants.require(grantId).sent();
  }

  /**
   * The files that came with a message sent through this fake (by the sent message's id), decoded
   * from either send form, so tests can compare their bytes with what was uploaded.
   */
  public List<SentFile> sentFiles(String messageId) {
    return sender.files(messageId);
  }

  /** Every message of the grant, newest first, as the list endpoint orders them. */
  public List<FakeMessage> messages(String grantId) {
    return grants.require(grantId).newestFirst();
  }

  /** Sends with this recipient (to, cc or bcc) fail permanently with {@code status} (400/402). */
  public void rejectSendsTo(String email, int status) {
    sender.reject(email, status);
  }

  /** Ends {@link #rejectSendsTo} for this recipient (the mailbox was fixed, say). */
  public void acceptSendsTo(String email) {
    sender.accept(email);
  }

  /**
   * Puts {@code namespace} into every new message id, thread id and Message-ID header, so that a
   * fake that starts again (its mail lives in memory) never reuses an id a database already holds.
   */
  public void idNamespace(String namespace) {
    factory.namespace(namespace);
  }

  /** Ids of new messages from now on take this prefix instead of {@code msg-}. */
  public void messageIdPrefix(String prefix) {
    factory.idPrefix(prefix);
  }

  /**
   * The grant stops working (the user revoked access, or the provider refused its token): its
   * mailbox endpoints answer 401 until the address is connected again through hosted OAuth. No
   * webhook; see {@link #expireGrant}.
   */
  public void revokeGrant(String grantId) {
    grants.require(grantId).invalidate();
  }

  /** As {@link #revokeGrant}, and a {@code grant.expired} notification goes to the webhook. */
  public void expireGrant(String grantId) {
    FakeMailbox box = grants.require(grantId);
    box.invalidate();
    WebhookSender current = webhooks;
    if (current != null) {
      current.grantExpired(box);
    }
  }

  public void failNextRequests(int n, int status) {
    faults.failNextRequests(n, status);
  }

  public Map<FaultKind, Long> faultCounts() {
    return faults.counts();
  }

  /**
   * Queues one-shot answers for a route: the next requests of {@code method} to a path matching
   * {@code pathPattern} get these replies, one each and in order, verbatim and before anything else
   * the fake does (API-key check, grant lookup, {@link FaultPlan}, idempotency keys): a scripted
   * answer touches no state. Once a route's queue is empty its requests get the fake's own answers
   * again. The pattern is a path as sent (e.g. {@code /v3/grants/grant-abc-123/messages/msg-1001},
   * query left out), matched segment by segment after percent-decoding each; {@code *} matches any
   * one segment. Where several scripted routes match, the one scripted first answers. Requests
   * answered this way are recorded like any other.
   */
  public void script(String method, String pathPattern, ScriptedReply... replies) {
    scripts.add(method, pathPattern, List.of(replies));
  }

  /** How many scripted replies no request has taken yet. */
  public int scriptedRepliesLeft() {
    return scripts.left();
  }

  /** Drops every scripted reply not taken yet. */
  public void clearScripts() {
    scripts.clear();
  }

  /**
   * The requests received, oldest first, as they arrived (before any answer, scripted or not): the
   * last 1,000 by default, see {@link #keepRequests}. A request is recorded before it is answered,
   * so every request a client has had an answer to is here.
   */
  public List<RecordedRequest> requests() {
    return requests.kept();
  }

  /** How many requests the fake received, including those no longer kept. */
  public long requestCount() {
    return requests.count();
  }

  /** Keep the last {@code n} requests from now on (0 keeps none; they are still counted). */
  public void keepRequests(int n) {
    requests.capacity(n);
  }

  public void enableWebhooks(String url, String secret) {
    enableWebhooks(url, secret, Duration.ofSeconds(1));
  }

  public synchronized void enableWebhooks(String url, String secret, Duration retryDelay) {
    disableWebhooks();
    webhooks = new WebhookSender(url, secret, clientId, clock, retryDelay);
  }

  public synchronized void disableWebhooks() {
    if (webhooks != null) {
      webhooks.close();
      webhooks = null;
    }
  }

  /** Sends the §5.2 challenge to the webhook URL; true if it echoed the value with 200. */
  public boolean verifyWebhookEndpoint() {
    WebhookSender current = webhooks;
    return current != null && current.challenge();
  }

  public List<WebhookDelivery> webhookDeliveries() {
    WebhookSender current = webhooks;
    return current == null ? List.of() : current.deliveries();
  }

  @Override
  public void close() {
    closed.countDown();
    http.stop(0);
    disableWebhooks();
    executor.close();
  }

  private void notifyCreated(FakeMessage message) {
    WebhookSender current = webhooks;
    if (current != null) {
      current.messageCreated(message);
    }
  }
}
