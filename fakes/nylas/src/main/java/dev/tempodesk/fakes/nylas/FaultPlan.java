package dev.tempodesk.fakes.nylas;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which faults the fake injects into {@code /v3/grants/...} calls, drawn from a seeded random so a
 * test run is repeatable. All rates start at 0. The error kinds are exclusive: each request draws
 * at most one, so each occurs at its own rate. A slow response is drawn on its own; duplicated and
 * reordered pages are drawn per successful message page that qualifies (a duplicate needs a
 * previous page, a reorder two items). Faults never drop data: they error, delay, repeat or
 * reorder. On a read they act before anything else; on a send they are drawn while the send is in
 * flight under its Idempotency-Key, and an error Nylas answers is kept under the key
 * (package-info).
 */
public final class FaultPlan {
  private final long seed;
  private final Random random;
  private final Map<FaultKind, Long> counts = new EnumMap<>(FaultKind.class);
  private final Deque<Integer> forced = new ArrayDeque<>();
  private final Deque<Integer> lostSendAnswers = new ArrayDeque<>();
  private double internalErrors;
  private double badGateways;
  private double gatewayTimeouts;
  private double rateLimits;
  private int retryAfterSeconds = 1;
  private double slowResponses;
  private Duration slowDelay = Duration.ofMillis(500);
  private final Deque<Duration> forcedDelays = new ArrayDeque<>();
  private double duplicatedPages;
  private double reorderedPages;
  private Duration downloadDelay = Duration.ZERO;
  private final Deque<Integer> forcedDownloadFailures = new ArrayDeque<>();

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

  public synchronized FaultPlan internalErrors(double rate) {
    internalErrors = checked(rate);
    return this;
  }

  public synchronized FaultPlan badGateways(double rate) {
    badGateways = checked(rate);
    return this;
  }

  public synchronized FaultPlan gatewayTimeouts(double rate) {
    gatewayTimeouts = checked(rate);
    return this;
  }

  /** 429s with {@code Retry-After: 1}. */
  public FaultPlan rateLimits(double rate) {
    return rateLimits(rate, 1);
  }

  public synchronized FaultPlan rateLimits(double rate, int retryAfterSeconds) {
    rateLimits = checked(rate);
    this.retryAfterSeconds = retryAfterSeconds;
    return this;
  }

  public synchronized FaultPlan slowResponses(double rate, Duration delay) {
    slowResponses = checked(rate);
    slowDelay = delay;
    return this;
  }

  /**
   * The next {@code n} requests (reads and sends alike) wait {@code delay} before their answer,
   * before any random slow response: one slow call where a test needs one, without slowing every
   * call after it.
   */
  public synchronized FaultPlan slowNextResponses(int n, Duration delay) {
    for (int i = 0; i < n; i++) {
      forcedDelays.add(delay);
    }
    return this;
  }

  public synchronized FaultPlan duplicatedPages(double rate) {
    duplicatedPages = checked(rate);
    return this;
  }

  public synchronized FaultPlan reorderedPages(double rate) {
    reorderedPages = checked(rate);
    return this;
  }

  /**
   * Every attachment download ({@code GET /attachments/{id}/download}) waits this long before its
   * answer, as a big file from a slow provider would; zero ends it.
   */
  public synchronized FaultPlan slowDownloads(Duration delay) {
    downloadDelay = delay;
    return this;
  }

  /**
   * The next {@code n} attachment downloads fail with {@code status}, before any random fault;
   * other requests are not affected (unlike {@link #failNextRequests}).
   */
  public synchronized void failNextDownloads(int n, int status) {
    for (int i = 0; i < n; i++) {
      forcedDownloadFailures.add(status);
    }
  }

  synchronized Duration downloadDelay() {
    return downloadDelay;
  }

  /** The next {@code n} grant requests fail with {@code status}, before any random fault. */
  public synchronized void failNextRequests(int n, int status) {
    for (int i = 0; i < n; i++) {
      forced.add(status);
    }
  }

  /**
   * The next {@code n} sends are carried out but answered with {@code status} instead, as when
   * Nylas gives up on a provider that took the mail after all: the caller cannot tell whether the
   * mail went out, and the error is what the Idempotency-Key keeps.
   */
  public synchronized void loseNextSendAnswers(int n, int status) {
    for (int i = 0; i < n; i++) {
      lostSendAnswers.add(status);
    }
  }

  /** The status to answer a finished send with instead of its result, or 0. */
  synchronized int drawLostSendAnswer() {
    if (lostSendAnswers.isEmpty()) {
      return 0;
    }
    count(FaultKind.LOST_SEND_ANSWER, 1);
    return lostSendAnswers.poll();
  }

  public synchronized long count(FaultKind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  public synchronized Map<FaultKind, Long> counts() {
    return Map.copyOf(counts);
  }

  synchronized int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The delay to sleep before answering, or zero. */
  synchronized Duration drawDelay() {
    if (!forcedDelays.isEmpty()) {
      count(FaultKind.SLOW_RESPONSE, 1);
      return forcedDelays.poll();
    }
    return draw(slowResponses, FaultKind.SLOW_RESPONSE) ? slowDelay : Duration.ZERO;
  }

  /** The HTTP status to fail this request with, or 0 to answer normally. */
  synchronized int drawFailure() {
    return drawFailure(false);
  }

  /** As {@link #drawFailure()}; a download first takes its own forced failures. */
  synchronized int drawFailure(boolean download) {
    if (download && !forcedDownloadFailures.isEmpty()) {
      count(FaultKind.FORCED_FAILURE, 1);
      return forcedDownloadFailures.poll();
    }
    if (!forced.isEmpty()) {
      count(FaultKind.FORCED_FAILURE, 1);
      return forced.poll();
    }
    double r = random.nextDouble();
    double[] rates = {internalErrors, badGateways, gatewayTimeouts, rateLimits};
    FaultKind[] kinds = {
      FaultKind.INTERNAL_ERROR,
      FaultKind.BAD_GATEWAY,
      FaultKind.GATEWAY_TIMEOUT,
      FaultKind.RATE_LIMITED
    };
    int[] statuses = {500, 502, 504, 429};
    double upTo = 0;
    for (int i = 0; i < rates.length; i++) {
      upTo += rates[i];
      if (r < upTo) {
        count(kinds[i], 1);
        return statuses[i];
      }
    }
    return 0;
  }

  /** How many items of the previous page to repeat (0 = none), at most {@code max}. */
  synchronized int drawDuplicates(int max) {
    if (max < 1 || !draw(duplicatedPages, FaultKind.DUPLICATED_PAGE)) {
      return 0;
    }
    return 1 + random.nextInt(Math.min(max, 3));
  }

  /** Shuffles the page in place if a reorder is drawn; never leaves it in its original order. */
  synchronized <T> void maybeReorder(List<T> page) {
    if (page.size() < 2 || !draw(reorderedPages, FaultKind.REORDERED_PAGE)) {
      return;
    }
    List<T> original = List.copyOf(page);
    Collections.shuffle(page, random);
    if (page.equals(original)) {
      Collections.reverse(page);
    }
  }

  private boolean draw(double rate, FaultKind kind) {
    if (rate <= 0 || random.nextDouble() >= rate) {
      return false;
    }
    count(kind, 1);
    return true;
  }

  private void count(FaultKind kind, long n) {
    counts.merge(kind, n, Long::sum);
  }

  private static double checked(double rate) {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be within 0..1: " + rate);
    }
    return rate;
  }
}
