package dev.tempodesk.fakes.openai;

/** What {@link FaultPlan} can inject into {@code POST /v1/chat/completions}; counted per kind. */
public enum FaultKind {
  /** The normal answer, after a delay. */
  SLOW_ANSWER,
  /** 429 {@code rate_limit_exceeded} with a {@code Retry-After} header. */
  RATE_LIMITED,
  /** 500 or 503 {@code server_error} (or any status a test forces). */
  SERVER_ERROR,
  /** 200 with a body that is not JSON at all (cut off mid-object). */
  MALFORMED_BODY,
  /** 200 with a valid envelope but no {@code choices}. */
  NO_CHOICES,
  /** 200 with a valid envelope whose content is prose, not the JSON object the prompt asked for. */
  NOT_THE_ASKED_JSON,
  /** 200 with a valid envelope whose content a test chose ({@link FaultPlan#answerNext}). */
  SCRIPTED_ANSWER
}
