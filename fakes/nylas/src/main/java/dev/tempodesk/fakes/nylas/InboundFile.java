package dev.tempodesk.fakes.nylas;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file carried by a simulated inbound mail. The fake lists it on the message as Nylas does
 * (metadata only) and serves its bytes from {@code GET /attachments/{id}/download}.
 *
 * @param contentType as the sender declared it (the fake never checks it against the bytes)
 * @param inline shown in the body ({@code is_inline}); an inline file is normally referenced from
 *     the HTML body as {@code cid:<contentId>}
 * @param contentId without angle brackets, or null
 */
public record InboundFile(
    String filename, String contentType, byte[] content, boolean inline, String contentId) {

  public InboundFile {
    Objects.requireNonNull(filename, "filename");
    content = content.clone();
    contentType = contentType == null ? "application/octet-stream" : contentType;
  }

  /** An ordinary attachment. */
  public static InboundFile attached(String filename, String contentType, byte[] content) {
    return new InboundFile(filename, contentType, content, false, null);
  }

  /** An inline image the HTML body shows as {@code <img src="cid:contentId">}. */
  public static InboundFile inline(
      String filename, String contentType, byte[] content, String contentId) {
    return new InboundFile(filename, contentType, content, true, contentId);
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InboundFile f
        && filename.equals(f.filename)
        && contentType.equals(f.contentType)
        && Arrays.equals(content, f.content)
        && inline == f.inline
        && Objects.equals(contentId, f.contentId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, contentType, Arrays.hashCode(content), inline, contentId);
  }

  @Override
  public String toString() {
    return "InboundFile[" + filename + ", " + contentType + ", " + content.length + " bytes]";
  }
}
