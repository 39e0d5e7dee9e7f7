package dev.tempodesk.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against Adobe's S3Mock (a child JVM, see {@link S3MockServer}); each test writes
 * under its own key prefix.
 */
class S3AttachmentStoreTest extends AttachmentStoreContract {
  private final S3MockServer server = S3MockServer.shared();
  private final String prefix = "attachments/" + UUID.randomUUID() + "/";
  private final S3AttachmentStore store = new S3AttachmentStore(settings(S3MockServer.BUCKET));

  private S3AttachmentStore.Settings settings(String bucket) {
    return new S3AttachmentStore.Settings(
        server.endpoint(), bucket, "us-east-1", "test-key", "test-secret", prefix);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A client of our own, to look at the bucket behind the store's back. */
  private S3Client client() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
        .forcePathStyle(true)
        .build();
  }

  @Override
  AttachmentStore store() {
    return store;
  }

  @Override
  long storedContents() {
    try (S3Client s3 = client()) {
      return s3.listObjectsV2(request -> request.bucket(S3MockServer.BUCKET).prefix(prefix))
          .keyCount();
    }
  }

  @Test
  void objectsAreKeyedByPrefixAndDigest() throws IOException {
    byte[] content = "keyed".getBytes(StandardCharsets.UTF_8);

    String digest = store.put(content);

    assertThat(storedContents()).isEqualTo(1);
    try (S3Client s3 = client()) {
      assertThat(
              s3.listObjectsV2(request -> request.bucket(S3MockServer.BUCKET).prefix(prefix))
                  .contents())
          .singleElement()
          .satisfies(object -> assertThat(object.key()).isEqualTo(prefix + digest));
    }
  }

  @Test
  void aMissingBucketIsAnIoErrorNotASilentLoss() {
    try (S3AttachmentStore lost = new S3AttachmentStore(settings("no-such-bucket"))) {
      byte[] content = "lost?".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> lost.put(content))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("no-such-bucket");
    }
  }
}
