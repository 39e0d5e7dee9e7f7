package dev.tempodesk.fakes.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * An in-process OpenAI-compatible API on 127.0.0.1: {@code POST /v1/chat/completions} answered
 * deterministically from the prompt (package-info), {@code GET /v1/models}, every request recorded
 * ({@link #requests}), faults injected by a {@link FaultPlan}. Its {@link #baseUrl()} is what
 * {@code TEMPODESK_ASSIST_URL} takes. {@link #main} runs it on its own.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  static {
    // As in the fake Nylas server: small answers must not wait for the client's delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final Logger log = LoggerFactory.getLogger(FakeOpenAiServer.class);

  /** The model the fake serves unless told otherwise. */
  public static final String DEFAULT_MODEL = "tempodesk-fake";

  private static final int KEPT_REQUESTS = 1_000;

  private final String apiKey;
  private final List<String> models;
  private final FaultPlan faults;
  private final Clock clock;
  private final Deque<RecordedRequest> requests = new ArrayDeque<>();
  private final AtomicLong completions = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer http;

  private FakeOpenAiServer(Options options) throws IOException {
    this.apiKey = options.apiKey;
    this.models = List.copyOf(options.models);
    this.faults = options.faults;
    this.clock = options.clock;
    this.http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName("127.0.0.1"), options.port), 0);
    http.createContext("/", this::handle);
    http.setExecutor(executor);
    http.start();
  }

  /** With {@link #DEFAULT_MODEL}, no API key required, no faults, on a free port. */
  public static FakeOpenAiServer start() {
    return options().start();
  }

  public static FakeOpenAiServer start(FaultPlan faults) {
    return options().faults(faults).start();
  }

  public static Options options() {
    return new Options();
  }

  /** How to start the fake. */
  public static final class Options {
    private String apiKey;
    private List<String> models = List.of(DEFAULT_MODEL);
    private FaultPlan faults = FaultPlan.none();
    private Clock clock = Clock.systemUTC();
    private int port;

    private Options() {}

    /** Require {@code Authorization: Bearer key}; without one any or no key is accepted. */
    public Options apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    /** The models served; a request for another answers 404 {@code model_not_found}. */
    public Options models(String... names) {
      if (names.length == 0) {
        throw new IllegalArgumentException("at least one model");
      }
      this.models = List.of(names);
      return this;
    }

    public Options faults(FaultPlan plan) {
      this.faults = Objects.requireNonNull(plan, "faults");
      return this;
    }

    public Options clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** 0 (the default) picks a free port. */
    public Options port(int port) {
      this.port = port;
      return this;
    }

    public FakeOpenAiServer start() {
      try {
        return new FakeOpenAiServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the fake OpenAI server", e);
      }
    }
  }

  /**
   * Runs the fake until the process is stopped: {@code --port=N} (default 0, a free port), {@code
   * --model=a,b} (default {@value #DEFAULT_MODEL}), {@code --api-key=K} (default none required).
   * Prints the base URL to use as TEMPODESK_ASSIST_URL.
   */
  public static void main(String[] args) throws InterruptedException {
    Options options = options();
    for (String arg : args) {
      if (arg.startsWith("--port=")) {
        options.port(Integer.parseInt(arg.substring("--port=".length())));
      } else if (arg.startsWith("--model=")) {
        options.models(arg.substring("--model=".length()).split(","));
      } else if (arg.startsWith("--api-key=")) {
        options.apiKey(arg.substring("--api-key=".length()));
      } else {
        System.err.println(
            "usage: FakeOpenAiServer [--port=N] [--model=name[,name]] [--api-key=KEY]");
        System.exit(2);
      }
    }
    FakeOpenAiServer server = options.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fake-openai-shutdown"));
    System.out.println("Fake OpenAI API at " + server.baseUrl() + " serving " + server.models);
    server.closed.await();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT/v1}, the base a client appends {@code /chat/completions} to. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  public FaultPlan faults() {
    return faults;
  }

  /** The requests received, oldest first (the last 1000). */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The {@code POST /v1/chat/completions} requests received, oldest first. */
  public List<RecordedRequest> completionRequests() {
    return requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/v1/chat/completions"))
        .toList();
  }

  public synchronized void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    closed.countDown();
    http.stop(0);
    executor.shutdownNow();
  }

  private synchronized void record(RecordedRequest request) {
    if (requests.size() == KEPT_REQUESTS) {
      requests.removeFirst();
    }
    requests.addLast(request);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod();
      record(new RecordedRequest(method, path, exchange.getRequestHeaders(), body));
      Answer answer;
      try {
        answer = route(exchange, method, path, body);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("fake OpenAI failed on {} {}", method, path, e);
        answer = serverError(500);
      }
      if (answer != null) {
        write(exchange, answer);
      }
    }
  }

  private record Answer(int status, String retryAfter, byte[] body) {
    static Answer json(int status, JsonNode json) {
      return new Answer(status, null, OpenAiJson.MAPPER.writeValueAsBytes(json));
    }
  }

  /** Null when the server closed while a slow answer waited. */
  private Answer route(HttpExchange exchange, String method, String path, byte[] body)
      throws InterruptedException {
    boolean completions = path.equals("/v1/chat/completions");
    boolean modelList = path.equals("/v1/models");
    if (!completions && !modelList) {
      return Answer.json(
          404,
          OpenAiJson.error(
              "Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null));
    }
    if (!method.equals(completions ? "POST" : "GET")) {
      return Answer.json(
          405,
          OpenAiJson.error(
              "Not allowed to " + method + " on " + path + ".",
              "invalid_request_error",
              null,
              null));
    }
    Answer unauthorized = checkKey(exchange.getRequestHeaders().getFirst("Authorization"));
    if (unauthorized != null) {
      return unauthorized;
    }
    if (modelList) {
      return Answer.json(200, OpenAiJson.models(models, clock.instant().getEpochSecond()));
    }
    Duration delay = faults.drawDelay();
    if (!delay.isZero() && closed.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
      return null;
    }
    FaultPlan.Fault fault = faults.drawFault();
    ChatRequest request;
    try {
      request = ChatRequest.parse(body);
    } catch (ChatRequest.Invalid invalid) {
      return Answer.json(
          invalid.status,
          OpenAiJson.error(
              invalid.getMessage(), "invalid_request_error", invalid.param, invalid.code));
    }
    if (fault != null
        && fault.kind() != FaultKind.NOT_THE_ASKED_JSON
        && fault.kind() != FaultKind.SCRIPTED_ANSWER) {
      return faultAnswer(fault, request.model());
    }
    if (!models.contains(request.model())) {
      return Answer.json(
          404,
          OpenAiJson.error(
              "The model `" + request.model() + "` does not exist or you do not have access to it.",
              "invalid_request_error",
              "model",
              "model_not_found"));
    }
    String content;
    if (fault == null) {
      content = Answers.answer(request);
    } else if (fault.kind() == FaultKind.SCRIPTED_ANSWER) {
      content = fault.content();
    } else {
      content = "Sure! I would make this one a high priority and give it to the support team.";
    }
    return completion(request, content);
  }

  private Answer checkKey(String authorization) {
    if (apiKey == null) {
      return null;
    }
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Answer.json(
          401,
          OpenAiJson.error(
              "You didn't provide an API key. You need to provide your API key in an Authorization"
                  + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
              "invalid_request_error",
              null,
              null));
    }
    if (!authorization.substring("Bearer ".length()).equals(apiKey)) {
      return Answer.json(
          401,
          OpenAiJson.error(
              "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key"));
    }
    return null;
  }

  private Answer completion(ChatRequest request, String content) {
    int promptTokens =
        request.messages().stream().mapToInt(m -> Answers.tokens(m.content()) + 4).sum();
    String finishReason = "stop";
    if (request.maxTokens() != null && Answers.tokens(content) > request.maxTokens()) {
      content = content.substring(0, Math.min(content.length(), request.maxTokens() * 4));
      finishReason = "length";
    }
    return Answer.json(
        200,
        OpenAiJson.completion(
            nextId(),
            clock.instant().getEpochSecond(),
            request.model(),
            content,
            finishReason,
            promptTokens,
            Answers.tokens(content)));
  }

  private Answer faultAnswer(FaultPlan.Fault fault, String model) {
    return switch (fault.kind()) {
      case RATE_LIMITED ->
          new Answer(
              429,
              fault.retryAfter(),
              OpenAiJson.MAPPER.writeValueAsBytes(
                  OpenAiJson.error(
                      "Rate limit reached for requests on " + model + ". Please try again later.",
                      "requests",
                      null,
                      "rate_limit_exceeded")));
      case SERVER_ERROR -> serverError(fault.status());
      case MALFORMED_BODY ->
          new Answer(
              200,
              null,
              ("{\"id\":\"" + nextId() + "\",\"object\":\"chat.completion\",\"choices\":[{\"mess")
                  .getBytes(StandardCharsets.UTF_8));
      case NO_CHOICES ->
          Answer.json(200, OpenAiJson.noChoices(nextId(), clock.instant().getEpochSecond(), model));
      default -> throw new IllegalStateException("not an error fault: " + fault.kind());
    };
  }

  private static Answer serverError(int status) {
    String message =
        status == 503
            ? "The engine is currently overloaded, please try again later."
            : "The server had an error while processing your request. Sorry about that!";
    return Answer.json(status, OpenAiJson.error(message, "server_error", null, null));
  }

  private String nextId() {
    return "chatcmpl-fake" + completions.incrementAndGet();
  }

  private static void write(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange
        .getResponseHeaders()
        .set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
    if (answer.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
    }
    exchange.sendResponseHeaders(
        answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    if (answer.body().length > 0) {
      exchange.getResponseBody().write(answer.body());
    }
  }

  @Override
  public String toString() {
    return "FakeOpenAiServer[" + baseUrl() + ", models=" + new ArrayList<>(models) + "]";
  }
}
