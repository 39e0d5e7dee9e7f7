package dev.tempodesk.activities.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where attachment bytes live, addressed by their SHA-256 (lower-case hex), so the same file sent
 * twice in a thread is stored once. Two back ends: Postgres (table {@code attachment_blobs}, the
 * default and the embedded mode) and S3-compatible object storage ({@code
 * TEMPODESK_ATTACHMENTS_S3_*}). Metadata (name, type, which message) is not the store's business:
 * it lives in the {@code attachments} table.
 */
public interface AttachmentStore {

  /**
   * Stores {@code content} under its SHA-256 and returns the digest. Idempotent: storing bytes that
   * are already there changes nothing and returns the same digest.
   */
  String put(byte[] content) throws IOException;

  /** The bytes stored under {@code sha256}, or empty if there are none. The caller closes it. */
  Optional<InputStream> open(String sha256) throws IOException;

  /** Whether bytes are stored under {@code sha256}. */
  boolean contains(String sha256) throws IOException;

  /** A short name of the back end for logs and health ("postgres", "s3"). */
  String kind();
}
