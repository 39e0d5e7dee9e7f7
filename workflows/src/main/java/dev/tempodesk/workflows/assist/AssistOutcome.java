package dev.tempodesk.workflows.assist;

/**
 * What became of an {@link AssistRequest}.
 *
 * @param resultId the stored suggestion (V54 {@code assist_results.id}); null when none was written
 *     (nothing to do, or the call failed)
 * @param failure null, or why no suggestion came: a kind of the model client's failure ({@code
 *     RATE_LIMITED}, {@code UNAVAILABLE}, {@code MALFORMED}, {@code REFUSED}) or {@link #OFF}
 * @param message the failure's message (never the prompt)
 * @param applied a triage applied to the ticket by auto-apply
 */
public record AssistOutcome(Long resultId, String failure, String message, boolean applied) {
  /** Assist was switched off, or has no provider. */
  public static final String OFF = "ASSIST_OFF";

  public static AssistOutcome written(Long resultId, boolean applied) {
    return new AssistOutcome(resultId, null, null, applied);
  }

  public static AssistOutcome failed(String failure, String message) {
    return new AssistOutcome(null, failure, message, false);
  }
}
