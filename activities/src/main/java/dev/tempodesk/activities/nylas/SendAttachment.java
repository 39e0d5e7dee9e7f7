package dev.tempodesk.activities.nylas;

import java.util.Objects;

/**
 * A file sent with a message. In the JSON form of a send it goes out as {@code {filename,
 * content_type, content (base64), content_id?, content_disposition?}}; in the multipart form as a
 * file part of its own (named by its content id when it has one, see {@link NylasClient#send}).
 *
 * @param contentId for an inline image the id the HTML body refers to as {@code cid:…}, else null
 */
public record SendAttachment(
    String filename,
    String contentType,
    byte[] bytes,
    String contentId,
    String contentDisposition) {

  public SendAttachment {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** A file shown as an attachment. */
  public static SendAttachment file(String filename, String contentType, byte[] bytes) {
    return new SendAttachment(filename, contentType, bytes, null, "attachment");
  }

  /** An image the HTML body shows inline as {@code <img src="cid:contentId">}. */
  public static SendAttachment inline(
      String filename, String contentType, byte[] bytes, String contentId) {
    return new SendAttachment(
        filename, contentType, bytes, Objects.requireNonNull(contentId), "inline");
  }

  public long size() {
    return bytes.length;
  }
}
