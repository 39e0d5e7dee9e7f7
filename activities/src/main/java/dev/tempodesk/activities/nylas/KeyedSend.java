package dev.tempodesk.activities.nylas;

/**
 * The rule for sending under Nylas' idempotency (reference §4): Nylas keeps a keyed send's answer,
 * success or error, for an hour and replays it for the same key. So a key is used again only when
 * no answer arrived (the outcome is unknown, and the key's replay will tell it) or after 409
 * concurrent (the first request is still running); after an error answer the sender first looks for
 * the mail in the Sent folder ({@link SentMail}) and, if it is not there, sends under the next
 * attempt's key.
 */
public final class KeyedSend {
  /** What a failed send tells the sender to do next. */
  public enum Next {
    /** No answer, or 409 concurrent: try again later under the same key. */
    SAME_KEY,
    /** Nylas answered an error that may heal: check the Sent folder, then a new key. */
    NEW_KEY,
    /** Nylas or the provider refused the message; trying again will not help. */
    GIVE_UP
  }

  private KeyedSend() {}

  /** The key of attempt {@code attempt} of the thing {@code id} names: the id itself for 0. */
  public static String key(String id, int attempt) {
    return attempt == 0 ? id : id + "/" + attempt;
  }

  public static Next after(NylasException failure) {
    if (!(failure instanceof NylasApiException answer)) {
      return Next.SAME_KEY;
    }
    if (answer.concurrentIdempotentRequest()) {
      return Next.SAME_KEY;
    }
    // 409 for the key with another payload heals under a new key too (the look-up comes first).
    return answer.retryable() || answer.status() == 409 ? Next.NEW_KEY : Next.GIVE_UP;
  }
}
