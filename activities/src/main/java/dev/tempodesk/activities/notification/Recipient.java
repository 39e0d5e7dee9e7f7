package dev.tempodesk.activities.notification;

/**
 * A person to notify, as found in the directory.
 *
 * @param kind {@code AGENT} or {@code CONTACT}, as stored in the notifications table
 * @param email null if the person has none (no email is sent then)
 */
public record Recipient(String kind, long id, String name, String email) {
  public static final String AGENT = "AGENT";
  public static final String CONTACT = "CONTACT";

  public boolean isAgent() {
    return AGENT.equals(kind);
  }
}
