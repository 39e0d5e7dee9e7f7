package dev.tempodesk.fakes.openai;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Which faults the fake injects into {@code POST /v1/chat/completions}. Faults are queued for the
 * next calls, in the order they were asked for, so a test says exactly which call fails how; random
 * server errors, drawn from a seeded random so a run is repeatable, come on top for load tests. A
 * delay is independent of the answer: a slow call may still fail. Faults act after the API-key
 * check and before the request is validated; {@code GET /v1/models} is never faulted.
 */
public final class FaultPlan {

  /** One queued answer instead of the normal one. */
  record Fault(FaultKind kind, int status, String retryAfter, String content) {}

  private final long seed;
  private final Random random;
  private final Deque<Fault> queued = new ArrayDeque<>();
  private final Deque<Duration> delays = new ArrayDeque<>();
  private final Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
  private double serverErrors;

  private FaultPlan(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  public static FaultPlan none() {
    return new FaultPlan(0);
  }

  public static FaultPlan seeded(long seed) {
    return new FaultPlan(seed);
  }

  public long seed() {
    return seed;
  }

  /** The next {@code n} calls wait {@code delay} before they are answered (normally or not). */
  public synchronized FaultPlan slowNext(int n, Duration delay) {
    for (int i = 0; i < n; i++) {
      delays.add(delay);
    }
    return this;
  }

  /** The next {@code n} calls answer 429 with {@code Retry-After: seconds}. */
  public FaultPlan rateLimitNext(int n, int retryAfterSeconds) {
    return rateLimitNext(n, Integer.toString(retryAfterSeconds));
  }

  /**
   * The next {@code n} calls answer 429 with this {@code Retry-After} value, as sent (seconds or an
   * HTTP date); null sends none.
   */
  public synchronized FaultPlan rateLimitNext(int n, String retryAfter) {
    return queue(n, new Fault(FaultKind.RATE_LIMITED, 429, retryAfter, null));
  }

  /** The next {@code n} calls fail with {@code status} (500, 503, 502 ...). */
  public synchronized FaultPlan failNext(int n, int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status: " + status);
    }
    return queue(n, new Fault(FaultKind.SERVER_ERROR, status, null, null));
  }

  /** The next {@code n} calls answer 200 with a body that is not JSON. */
  public synchronized FaultPlan malformedNext(int n) {
    return queue(n, new Fault(FaultKind.MALFORMED_BODY, 200, null, null));
  }

  /** The next {@code n} calls answer 200 with a chat completion without choices. */
  public synchronized FaultPlan noChoicesNext(int n) {
    return queue(n, new Fault(FaultKind.NO_CHOICES, 200, null, null));
  }

  /**
   * The next {@code n} calls answer 200 with a valid chat completion whose content is prose, not
   * the JSON object the prompt asked for.
   */
  public synchronized FaultPlan notTheAskedJsonNext(int n) {
    return queue(n, new Fault(FaultKind.NOT_THE_ASKED_JSON, 200, null, null));
  }

  /**
   * The next call answers with this content in a valid chat completion, whatever was asked: e.g. a
   * triage that tries to close the ticket, or a draft that obeys an injected instruction.
   */
  public synchronized FaultPlan answerNext(String content) {
    return queue(1, new Fault(FaultKind.SCRIPTED_ANSWER, 200, null, content));
  }

  /** Random 500s (or 503s, half of them) at this rate, after the queued faults are used up. */
  public synchronized FaultPlan serverErrors(double rate) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be within 0..1: " + rate);
    }
    serverErrors = rate;
    return this;
  }

  public synchronized long count(FaultKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  public synchronized Map<FaultKind, Long> counts() {
    return Map.copyOf(counts);
  }

  /** Forgets every queued fault and rate (counts stay). */
  public synchronized void clear() {
    queued.clear();
    delays.clear();
    serverErrors = 0;
  }

  synchronized Duration drawDelay() {
    if (delays.isEmpty()) {
      return Duration.ZERO;
    }
    tally(FaultKind.SLOW_ANSWER);
    return delays.poll();
  }

  /** The fault to answer this call with, or null for the normal answer. */
  synchronized Fault drawFault() {
    Fault fault = queued.poll();
    if (fault == null && serverErrors > 0 && random.nextDouble() < serverErrors) {
      fault = new Fault(FaultKind.SERVER_ERROR, random.nextBoolean() ? 500 : 503, null, null);
    }
    if (fault != null) {
      tally(fault.kind());
    }
    return fault;
  }

  private FaultPlan queue(int n, Fault fault) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    for (int i = 0; i < n; i++) {
      queued.add(fault);
    }
    return this;
  }

  private void tally(FaultKind kind) {
    counts.merge(kind, 1L, Long::sum);
  }
}
