package dev.tempodesk.activities.outbound;

/**
 * Subjects of outgoing mail carry the ticket token {@code [#1042]}, so a customer's answer finds
 * its ticket by subject when the mail client drops the threading headers.
 */
final class TicketSubjects {
  private TicketSubjects() {}

  /** {@code Re: [#n] subject} in an existing thread, {@code [#n] subject} for a new one. */
  static String of(long ticketNumber, String subject, boolean inThread) {
    String token = "[#" + ticketNumber + "]";
    String base = subject == null ? "" : subject.strip();
    String tagged = base.contains(token) ? base : (token + " " + base).strip();
    boolean hasRe = tagged.regionMatches(true, 0, "Re:", 0, 3);
    return inThread && !hasRe ? "Re: " + tagged : tagged;
  }
}
