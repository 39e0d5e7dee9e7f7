package dev.tempodesk.activities.nylas;

import java.time.Duration;

/** Waits between retries; tests substitute a recording fake. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  /**
   * Sleeps before a retry; interrupted, it keeps the thread's interrupt flag and throws {@code
   * failure}, the failure that was to be retried, instead.
   */
  default void pauseOr(Duration duration, RuntimeException failure) {
    try {
      sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(e);
      throw failure;
    }
  }

  static Sleeper system() {
    return Thread::sleep;
  }
}
