package dev.tempodesk.activities.nylas;

import java.util.Locale;
import java.util.Set;

/**
 * Where a grant's provider ({@code mailboxes.provider}: {@code google}, {@code microsoft}, {@code
 * imap}, …) changes what a send must look like (reference §4 and "Read first" 3).
 */
public final class Providers {
  /** Reached over IMAP: Yahoo and iCloud connect through Nylas' IMAP connector too. */
  private static final Set<String> IMAP = Set.of("imap", "icloud", "yahoo");

  /**
   * Exchange, through Graph ({@code microsoft}) or EWS ({@code ews}): only custom headers named
   * {@code X-…} are accepted.
   */
  private static final Set<String> EXCHANGE = Set.of("microsoft", "ews");

  private Providers() {}

  /**
   * Whether {@code reply_to_message_id} must be the parent's RFC 822 {@code Message-ID} header
   * rather than its Nylas id.
   */
  public static boolean repliesByMessageIdHeader(String provider) {
    return provider != null && IMAP.contains(provider.toLowerCase(Locale.ROOT));
  }

  /** Whether the provider refuses a custom header whose name does not start with {@code X-}. */
  public static boolean acceptsOnlyXHeaders(String provider) {
    return provider != null && EXCHANGE.contains(provider.toLowerCase(Locale.ROOT));
  }

  /** Whether a custom header of this name is an {@code X-} header. */
  public static boolean isXHeader(String name) {
    return name != null && name.regionMatches(true, 0, "X-", 0, 2);
  }
}
