package dev.tempodesk.activities.attachment;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENT_BLOBS;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The default attachment store: table {@code attachment_blobs}, one row per distinct content. Reads
 * stream the bytes in slices, so serving a 25 MB file does not hold 25 MB in memory.
 */
public final class PostgresAttachmentStore implements AttachmentStore {
  static final int SLICE_BYTES = 1024 * 1024;

  private final DSLContext dsl;

  public PostgresAttachmentStore(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public String put(byte[] content) {
    String sha256 = ContentDigest.sha256(content);
    if (!contains(sha256)) {
      dsl.insertInto(ATTACHMENT_BLOBS)
          .set(ATTACHMENT_BLOBS.SHA256, sha256)
          .set(ATTACHMENT_BLOBS.SIZE_BYTES, (long) content.length)
          .set(ATTACHMENT_BLOBS.CONTENT, content)
          .onConflictDoNothing()
          .execute();
    }
    return sha256;
  }

  @Override
  public Optional<InputStream> open(String sha256) {
    if (!ContentDigest.isDigest(sha256)) {
      return Optional.empty();
    }
    return dsl.select(ATTACHMENT_BLOBS.SIZE_BYTES)
        .from(ATTACHMENT_BLOBS)
        .where(ATTACHMENT_BLOBS.SHA256.eq(sha256))
        .fetchOptional(ATTACHMENT_BLOBS.SIZE_BYTES)
        .map(size -> new SliceStream(sha256, size));
  }

  @Override
  public boolean contains(String sha256) {
    return ContentDigest.isDigest(sha256)
        && dsl.fetchExists(ATTACHMENT_BLOBS, ATTACHMENT_BLOBS.SHA256.eq(sha256));
  }

  @Override
  public String kind() {
    return "postgres";
  }

  /** Reads one blob a slice at a time ({@code substring} of the bytea, 1-based). */
  private final class SliceStream extends InputStream {
    private final String sha256;
    private final long size;
    private long position;
    private byte[] slice = new byte[0];
    private int offset;

    SliceStream(String sha256, long size) {
      this.sha256 = sha256;
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (offset == slice.length && !nextSlice()) {
        return -1;
      }
      int count = Math.min(length, slice.length - offset);
      System.arraycopy(slice, offset, buffer, from, count);
      offset += count;
      return count;
    }

    private boolean nextSlice() throws IOException {
      if (position >= size) {
        return false;
      }
      byte[] next =
          dsl.select(
                  DSL.field(
                      "substring({0} from {1} for {2})",
                      byte[].class,
                      ATTACHMENT_BLOBS.CONTENT,
                      DSL.val(Math.toIntExact(position + 1)),
                      DSL.val(SLICE_BYTES)))
              .from(ATTACHMENT_BLOBS)
              .where(ATTACHMENT_BLOBS.SHA256.eq(sha256))
              .fetchOptional()
              .map(row -> row.value1())
              .orElse(null);
      if (next == null || next.length == 0) {
        throw new IOException("attachment " + sha256 + " vanished or shrank while being read");
      }
      slice = next;
      offset = 0;
      position += next.length;
      return true;
    }
  }
}
