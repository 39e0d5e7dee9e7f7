package dev.tempodesk.workflows.ticket;

import io.temporal.workflow.Workflow;

/**
 * One {@code Workflow.getVersion} check of the ticket workflow, asked at most once per run and
 * remembered. Each helper that arrived after the first release owns one. The change id, and the
 * moment in the run at which the helper first asks, are part of recorded histories: neither may
 * change.
 */
final class VersionGate {
  private final String changeId;
  private final int version;
  private Boolean on;

  VersionGate(String changeId, int version) {
    this.changeId = changeId;
    this.version = version;
  }

  /** Whether this run has the change; the first call records (or replays) the version marker. */
  boolean on() {
    if (on == null) {
      on = Workflow.getVersion(changeId, Workflow.DEFAULT_VERSION, version) >= version;
    }
    return on;
  }

  /** Whether {@link #on} has been asked in this run. */
  boolean decided() {
    return on != null;
  }

  /** The answer of {@link #on} without asking: false while undecided. */
  boolean onIfDecided() {
    return Boolean.TRUE.equals(on);
  }
}
