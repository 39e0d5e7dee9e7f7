package dev.tempodesk.activities.nylas;

/**
 * Told before and after every HTTP attempt of a call, so the caller can show it is alive (a
 * Temporal activity heartbeats) while the client itself knows nothing about who calls it.
 */
@FunctionalInterface
public interface CallProgress {

  void alive();

  static CallProgress none() {
    return () -> {};
  }
}
