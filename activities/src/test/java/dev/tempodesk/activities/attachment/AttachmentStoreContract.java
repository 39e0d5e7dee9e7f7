package dev.tempodesk.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every attachment store does, run against each back end (Postgres, S3): content addressed by
 * SHA-256, stored once, read back byte for byte, large files streamed.
 */
abstract class AttachmentStoreContract {

  /** The store under test, empty. */
  abstract AttachmentStore store();

  /** How many contents the back end holds (rows, objects): same bytes twice must count once. */
  abstract long storedContents() throws IOException;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void storedBytesComeBackUnderTheirSha256() throws IOException {
    byte[] content = bytes("The printer on floor 3 shows error E-42.");

    String digest = store().put(content);

    assertThat(digest).isEqualTo(ContentDigest.sha256(content));
    assertThat(store().contains(digest)).isTrue();
    assertThat(read(store().open(digest).orElseThrow())).isEqualTo(content);
  }

  @Test
  void theSameFileTwiceIsStoredOnceAndDifferentFilesApart() throws IOException {
    byte[] logo = bytes("logo bytes");

    String first = store().put(logo);
    String second = store().put(logo.clone());
    String other = store().put(bytes("another file"));

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(storedContents()).isEqualTo(2);
    assertThat(read(store().open(first).orElseThrow())).isEqualTo(logo);
  }

  @Test
  void anUnknownOrMalformedDigestIsAbsent() throws IOException {
    String unknown = ContentDigest.sha256(bytes("never stored"));

    assertThat(store().contains(unknown)).isFalse();
    assertThat(store().open(unknown)).isEmpty();
    for (String malformed : new String[] {"", "../etc/passwd", unknown.toUpperCase(), "abc"}) {
      assertThat(store().contains(malformed)).as(malformed).isFalse();
      assertThat(store().open(malformed)).as(malformed).isEmpty();
    }
  }

  @Test
  void aTwentyFiveMegabyteFileStreamsBackIntact() throws Exception {
    byte[] content = new byte[25 * 1024 * 1024];
    new Random(17).nextBytes(content);

    String digest = store().put(content);

    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    long length = 0;
    try (InputStream in = new DigestInputStream(store().open(digest).orElseThrow(), sha256)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        length += n;
      }
    }
    assertThat(length).isEqualTo(content.length);
    assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(digest);
  }

  @Test
  void emptyContentIsStoredToo() throws IOException {
    // The policy refuses empty files; the store itself has no opinion on content.
    String digest = store().put(new byte[0]);

    assertThat(read(store().open(digest).orElseThrow())).isEmpty();
  }
}
