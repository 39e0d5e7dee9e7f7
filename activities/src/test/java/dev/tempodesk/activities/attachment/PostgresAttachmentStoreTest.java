package dev.tempodesk.activities.attachment;

import static dev.tempodesk.db.jooq.Tables.ATTACHMENT_BLOBS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Postgres store (table attachment_blobs) over a real embedded Postgres. */
class PostgresAttachmentStoreTest extends AttachmentStoreContract {
  private final TestJooq jooq = TestJooq.over(TestDatabases.fresh().dataSource());
  private final PostgresAttachmentStore store = new PostgresAttachmentStore(jooq.dsl());

  @Override
  AttachmentStore store() {
    return store;
  }

  @Override
  long storedContents() {
    return jooq.dsl().fetchCount(ATTACHMENT_BLOBS);
  }

  @Test
  void readsCrossSliceBoundariesWithoutLosingAByte() throws IOException {
    byte[] content = new byte[PostgresAttachmentStore.SLICE_BYTES * 2 + 3];
    new Random(3).nextBytes(content);
    String digest = store.put(content);

    try (InputStream in = store.open(digest).orElseThrow()) {
      byte[] head = new byte[PostgresAttachmentStore.SLICE_BYTES - 1];
      assertThat(in.readNBytes(head, 0, head.length)).isEqualTo(head.length);
      int single = in.read();
      byte[] rest = in.readAllBytes();
      assertThat(single).isEqualTo(content[head.length] & 0xff);
      assertThat(rest.length).isEqualTo(content.length - head.length - 1);
      assertThat(rest[rest.length - 1]).isEqualTo(content[content.length - 1]);
      assertThat(in.read()).isEqualTo(-1);
    }
  }
}
