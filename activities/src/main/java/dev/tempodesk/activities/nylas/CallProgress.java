package dev.tempodesk.activities.nylas;

/**
 * Told when every HTTP attempt of a call starts and ends, so that the caller can show it is alive
 * all the while (a Temporal activity keeps heartbeating) while the client itself knows nothing
 * about who calls it.
 */
@FunctionalInterface
public interface CallProgress {

  /** An attempt starts; the returned handle is closed when it ends, however it ends. */
  Attempt started();

  /** One attempt under way. */
  interface Attempt extends AutoCloseable {
    @Override
    void close();
  }

  static CallProgress none() {
    return () -> () -> {};
  }
}
