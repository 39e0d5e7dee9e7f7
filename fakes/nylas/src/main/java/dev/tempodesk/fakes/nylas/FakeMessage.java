package dev.tempodesk.fakes.nylas;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One message of a fake mailbox, immutable. {@code seq} is the arrival number: it breaks ties
 * between messages of the same {@code date} (Unix seconds), the later arrival counting as newer.
 */
public record FakeMessage(
    long seq,
    String id,
    String grantId,
    String threadId,
    String subject,
    List<Participant> from,
    List<Participant> to,
    List<Participant> cc,
    List<Participant> bcc,
    List<Participant> replyTo,
    long date,
    String body,
    List<String> folders,
    boolean unread,
    List<Header> headers,
    List<Attachment> attachments) {

  private static final Pattern NAME_ADDR = Pattern.compile("^\\s*(.*?)\\s*<([^>]+)>\\s*$");

  public FakeMessage {
    from = List.copyOf(from);
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    replyTo = List.copyOf(replyTo);
    folders = List.copyOf(folders);
    headers = List.copyOf(headers);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** {@code {"name"?, "email"}}; a null name is left out of the JSON. */
  public record Participant(String name, String email) {
    /** Parses {@code "addr"} or {@code "Name <addr>"}. */
    public static Participant parse(String address) {
      Matcher m = NAME_ADDR.matcher(address);
      if (m.matches()) {
        String name = m.group(1).replaceAll("^\"|\"$", "");
        return new Participant(name.isBlank() ? null : name, m.group(2).trim());
      }
      return new Participant(null, address.trim());
    }
  }

  /**
   * A file of the message as Nylas lists it (metadata only, {@code GET /attachments/{id}} serves
   * the bytes): {@code size} in bytes after transfer decoding; {@code contentId} without angle
   * brackets, or null.
   */
  public record Attachment(
      String id,
      String filename,
      String contentType,
      long size,
      boolean inline,
      String contentId,
      String contentDisposition) {}

  /** A raw header; a list of them keeps duplicates and the original name case. */
  public record Header(String name, String value) {}

  public boolean inFolder(String folderId) {
    return folders.contains(folderId);
  }

  public boolean isDraft() {
    return inFolder(FakeMailbox.DRAFTS);
  }

  public boolean isSent() {
    return inFolder(FakeMailbox.SENT);
  }

  /** First header of that name, ignoring case as the reference asks clients to; or null. */
  public String header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst()
        .orElse(null);
  }

  public String messageIdHeader() {
    return header("Message-ID");
  }

  /** About the first 100 characters of the body with tags stripped, like Nylas' snippet. */
  public String snippet() {
    String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return text.length() <= 100 ? text : text.substring(0, 100);
  }

  /** to, cc and bcc. */
  public List<Participant> recipients() {
    return Stream.of(to, cc, bcc).flatMap(List::stream).toList();
  }
}
