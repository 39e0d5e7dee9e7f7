package dev.tempodesk.activities.nylas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * An attachment's bytes as Nylas served them, read no further than a limit.
 *
 * @param content the bytes; empty when {@code overLimit}
 * @param contentType what Nylas said the bytes are (the sender's word; check it), or null
 * @param overLimit the file is bigger than the limit it was read with; its bytes were not kept
 */
public record AttachmentDownload(byte[] content, String contentType, boolean overLimit) {
  /** The most a download may hold in memory (a Java array's practical limit). */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private static final int CHUNK = 64 * 1024;

  public AttachmentDownload {
    content = content == null ? new byte[0] : content;
  }

  static AttachmentDownload read(Response response, long maxBytes) throws IOException {
    MediaType type = response.body().contentType();
    String contentType = type == null ? null : type.type() + "/" + type.subtype();
    long declared = response.body().contentLength();
    if (declared > maxBytes) {
      return new AttachmentDownload(null, contentType, true);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : CHUNK);
    byte[] chunk = new byte[CHUNK];
    try (InputStream in = response.body().byteStream()) {
      for (int n; (n = in.read(chunk)) != -1; ) {
        if (out.size() + (long) n > maxBytes) {
          return new AttachmentDownload(null, contentType, true);
        }
        out.write(chunk, 0, n);
      }
    }
    return new AttachmentDownload(out.toByteArray(), contentType, false);
  }
}
