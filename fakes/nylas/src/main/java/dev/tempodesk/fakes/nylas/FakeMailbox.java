package dev.tempodesk.fakes.nylas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The state of one grant: its address, folders and messages. Thread-safe. */
public final class FakeMailbox {
  public static final String INBOX = "INBOX";
  public static final String SENT = "SENT";
  public static final String DRAFTS = "DRAFTS";
  public static final String UNREAD = "UNREAD";
  public static final String JUNK = "SPAM";
  public static final String TRASH = "TRASH";

  /** The provider of a grant made without one ({@code provider} of the grant and the token). */
  public static final String DEFAULT_PROVIDER = "google";

  /**
   * Providers reached over IMAP, where {@code reply_to_message_id} must be the parent's RFC 822
   * {@code Message-ID} (reference §4 "Threading replies"); a Nylas id is not found there.
   */
  public static final Set<String> IMAP_PROVIDERS = Set.of("imap", "icloud", "yahoo");

  /** Microsoft (Graph) accepts only custom headers named {@code X-…} (reference "Read first" 3). */
  public static final String MICROSOFT = "microsoft";

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
          new Folder(JUNK, "Spam", List.of("\\Junk")),
          new Folder(TRASH, "Trash", List.of("\\Trash")),
          new Folder(UNREAD, "Unread", List.of()));

  /** Newest first: by date, then by arrival. */
  static final Comparator<FakeMessage> NEWEST_FIRST =
      Comparator.comparingLong(FakeMessage::date).thenComparingLong(FakeMessage::seq).reversed();

  private final String grantId;
  private final String email;
  private final long createdAt;
  private final String provider;
  private final List<FakeMessage> messages = new ArrayList<>();
  private final Map<String, FakeMessage> byId = new HashMap<>();
  private final Map<String, byte[]> attachmentContent = new HashMap<>();
  private String state;
  private volatile boolean valid = true;

  FakeMailbox(String grantId, String email, String provider, long createdAt) {
    this.grantId = grantId;
    this.email = email;
    this.provider = provider;
    this.createdAt = createdAt;
  }

  /** {@code google}, {@code microsoft}, {@code imap}, … as the grant's {@code provider}. */
  public String provider() {
    return provider;
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

  /** Keeps the bytes of one of this mailbox's attachments, for the download endpoint. */
  synchronized void putContent(String attachmentId, byte[] content) {
    attachmentContent.put(attachmentId, content.clone());
  }

  /**
   * The bytes of attachment {@code attachmentId} of message {@code messageId}, as {@code GET
   * /attachments/{id}/download?message_id=…} serves them; empty if the message has no such file.
   */
  public synchronized Optional<byte[]> attachmentContent(String messageId, String attachmentId) {
    FakeMessage message = byId.get(messageId);
    if (message == null
        || message.attachments().stream().noneMatch(a -> a.id().equals(attachmentId))) {
      return Optional.empty();
    }
    return Optional.ofNullable(attachmentContent.get(attachmentId)).map(byte[]::clone);
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
    return byMessageIdHeader(idOrMessageId);
  }

  /**
   * The message a send's {@code reply_to_message_id} names: on IMAP grants only by its Message-ID
   * header, elsewhere as {@link #find}.
   */
  public synchronized Optional<FakeMessage> replyTarget(String replyToMessageId) {
    return IMAP_PROVIDERS.contains(provider)
        ? byMessageIdHeader(replyToMessageId)
        : find(replyToMessageId);
  }

  /** Compared without the angle brackets, which callers keep or drop. */
  private Optional<FakeMessage> byMessageIdHeader(String messageId) {
    String wanted = withoutBrackets(messageId);
    return messages.stream()
        .filter(m -> m.messageIdHeader() != null)
        .filter(m -> withoutBrackets(m.messageIdHeader()).equals(wanted))
        .findFirst();
  }

  private static String withoutBrackets(String messageId) {
    String trimmed = messageId.strip();
    return trimmed.startsWith("<") && trimmed.endsWith(">")
        ? trimmed.substring(1, trimmed.length() - 1)
        : trimmed;
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
