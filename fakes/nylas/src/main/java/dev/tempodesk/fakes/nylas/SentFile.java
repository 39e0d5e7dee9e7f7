package dev.tempodesk.fakes.nylas;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file that arrived with a send, as the fake decoded it: from the JSON form's base64 {@code
 * content} or from a multipart file part. Tests compare {@link #sha256} with what they uploaded.
 *
 * @param contentId the inline image's id ({@code content_id} in JSON, the part's name in multipart)
 * @param multipart whether it came in the multipart form
 */
public record SentFile(
    String filename,
    String contentType,
    String contentId,
    boolean inline,
    byte[] content,
    boolean multipart) {

  public SentFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public long size() {
    return content.length;
  }

  /** SHA-256 of the bytes as 64 lower-case hex digits. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
