package dev.tempodesk.fakes.nylas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state of one grant: its address, folders and messages. Thread-safe. */
public final class FakeMailbox {
  public static final String INBOX = "INBOX";
  public static final String SENT = "SENT";
  public static final String DRAFTS = "DRAFTS";
  public static final String UNREAD = "UNREAD";

  /** Folder id, name and attributes, as {@code GET /folders} lists them. */
  public record Folder(String id, String name, List<String> attributes) {}

  /**
   * Gmail-style label ids. UNREAD has no attribute but is listed because inbound messages carry it
   * in {@code folders}, so a client mapping ids to attributes meets no unknown id.
   */
  public static final List<Folder> FOLDERS =
      List.of(
          new Folder(INBOX, "Inbox", List.of("\\Inbox")),
          new Folder(SENT, "Sent", List.of("\\Sent")),
          new Folder(DRAFTS, "Drafts", List.of("\\Drafts")),
          new Folder(UNREAD, "Unread", List.of()));

  /** Newest first: by date, then by arrival. */
  static final Comparator<FakeMessage> NEWEST_FIRST =
      Comparator.comparingLong(FakeMessage::date).thenComparingLong(FakeMessage::seq).reversed();

  private final String grantId;
  private final String email;
  private final long createdAt;
  private final List<FakeMessage> messages = new ArrayList<>();
  private final Map<String, FakeMessage> byId = new HashMap<>();
  private String state;
  private volatile boolean valid = true;

  FakeMailbox(String grantId, String email, long createdAt) {
    this.grantId = grantId;
    this.email = email;
    this.createdAt = createdAt;
  }

  public String grantId() {
    return grantId;
  }

  /**
   * False once the grant was revoked or expired ({@code grant_status: invalid}): its mailbox
   * endpoints answer 401 until the user authenticates again through hosted OAuth.
   */
  public boolean valid() {
    return valid;
  }

  void invalidate() {
    valid = false;
  }

  void reauthenticated() {
    valid = true;
  }

  public String email() {
    return email;
  }

  public long createdAt() {
    return createdAt;
  }

  public synchronized String state() {
    return state;
  }

  synchronized void state(String state) {
    this.state = state;
  }

  synchronized void add(FakeMessage message) {
    messages.add(message);
    byId.put(message.id(), message);
  }

  /** By Nylas id, or by Message-ID header value (what IMAP providers use as reply target). */
  public synchronized Optional<FakeMessage> find(String idOrMessageId) {
    if (idOrMessageId == null) {
      return Optional.empty();
    }
    FakeMessage byNylasId = byId.get(idOrMessageId);
    if (byNylasId != null) {
      return Optional.of(byNylasId);
    }
    return messages.stream().filter(m -> idOrMessageId.equals(m.messageIdHeader())).findFirst();
  }

  /** A snapshot, newest first. */
  public synchronized List<FakeMessage> newestFirst() {
    return messages.stream().sorted(NEWEST_FIRST).toList();
  }

  /** The messages of a thread, oldest first. */
  public synchronized List<FakeMessage> thread(String threadId) {
    return messages.stream()
        .filter(m -> m.threadId().equals(threadId))
        .sorted(NEWEST_FIRST.reversed())
        .toList();
  }

  /** Sent messages, oldest first. */
  public synchronized List<FakeMessage> sent() {
    return messages.stream().filter(FakeMessage::isSent).sorted(NEWEST_FIRST.reversed()).toList();
  }
}
