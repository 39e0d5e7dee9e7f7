package dev.tempodesk.api.webhook;

import dev.tempodesk.activities.webhook.WebhookDispatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This replica's webhook dispatcher thread: a pass every {@code interval} (one second in the app),
 * at once when {@link #wake()} is called (a redelivery), and old events pruned hourly. Every
 * replica runs one; {@link WebhookDispatcher} keeps them from doing anything twice.
 */
public class WebhookDispatchLoop implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatchLoop.class);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private final WebhookDispatcher dispatcher;
  private final Duration interval;
  private final Clock clock;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private volatile Thread thread;
  private Instant lastPrune = Instant.EPOCH;

  public WebhookDispatchLoop(WebhookDispatcher dispatcher, Duration interval, Clock clock) {
    this.dispatcher = dispatcher;
    this.interval = interval;
    this.clock = clock;
  }

  /** Runs a pass now rather than at the next tick. */
  public void wake() {
    wakeUp.release();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofVirtual().name("webhook-dispatch").start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
      try {
        current.join(Duration.ofSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        dispatcher.runOnce();
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
          lastPrune = now;
          dispatcher.prune();
        }
      } catch (RuntimeException e) {
        log.warn("Webhook dispatch pass failed: {}", e.toString());
      }
      try {
        if (wakeUp.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
