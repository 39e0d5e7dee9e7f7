package dev.tempodesk.activities.nylas;

import java.time.Duration;

/** Waits between retries; tests substitute a recording fake. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return Thread::sleep;
  }
}
