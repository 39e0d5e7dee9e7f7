package dev.tempodesk.fakes.nylas;

/** What {@link FaultPlan} can inject; counted per kind. */
public enum FaultKind {
  /** 500 {@code api.internal_error}. */
  INTERNAL_ERROR,
  /** 502 with an HTML proxy page. */
  BAD_GATEWAY,
  /** 504 {@code provider_error} "Provider request timed out.". */
  GATEWAY_TIMEOUT,
  /** 429 {@code rate_limit_error} with {@code Retry-After}. */
  RATE_LIMITED,
  /** The normal answer, after a delay. */
  SLOW_RESPONSE,
  /** A message page that starts with some items of the previous page. */
  DUPLICATED_PAGE,
  /** A message page whose items are shuffled. */
  REORDERED_PAGE,
  /** One of {@link FaultPlan#failNextRequests}. */
  FORCED_FAILURE,
  /**
   * A send that went through but was answered with an error ({@link
   * FaultPlan#loseNextSendAnswers}).
   */
  LOST_SEND_ANSWER
}
