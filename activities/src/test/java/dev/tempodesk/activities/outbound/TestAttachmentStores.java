package dev.tempodesk.activities.outbound;

import dev.tempodesk.activities.attachment.AttachmentStore;
import dev.tempodesk.activities.attachment.ContentDigest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/** The attachment store the outbound tests use. */
final class TestAttachmentStores {
  private TestAttachmentStores() {}

  static AttachmentStore over(DSLContext dsl) {
    Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    return new AttachmentStore() {
      @Override
      public String put(byte[] content) {
        String sha = ContentDigest.sha256(content);
        blobs.putIfAbsent(sha, content.clone());
        return sha;
      }

      @Override
      public Optional<InputStream> open(String sha256) {
        return Optional.ofNullable(blobs.get(sha256)).map(ByteArrayInputStream::new);
      }

      @Override
      public boolean contains(String sha256) {
        return blobs.containsKey(sha256);
      }

      @Override
      public String kind() {
        return "memory";
      }
    };
  }
}
