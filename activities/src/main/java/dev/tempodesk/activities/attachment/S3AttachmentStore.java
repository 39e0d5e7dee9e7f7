package dev.tempodesk.activities.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Attachment bytes in an S3-compatible object store (AWS S3, MinIO, ...): one object per distinct
 * content, keyed {@code prefix + sha256}. Path-style addressing, so MinIO and S3Mock work without
 * wildcard DNS. Reads stream straight from the object store.
 */
public final class S3AttachmentStore implements AttachmentStore, AutoCloseable {

  /**
   * Where the objects go.
   *
   * @param endpoint the S3 API's URL, e.g. {@code http://minio:9000}; {@code null} for AWS itself
   * @param bucket the bucket, which must exist
   * @param region the signing region ({@code us-east-1} suits MinIO)
   * @param accessKey the access key, or {@code null} for the SDK's default credentials (instance
   *     role, {@code AWS_*} variables)
   * @param secretKey the secret key that goes with {@code accessKey}
   * @param prefix prepended to every key, e.g. {@code attachments/}
   */
  public record Settings(
      URI endpoint,
      String bucket,
      String region,
      String accessKey,
      String secretKey,
      String prefix) {
    public Settings {
      region = region == null || region.isBlank() ? "us-east-1" : region.strip();
      prefix = prefix == null ? "" : prefix;
    }
  }

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3AttachmentStore(Settings settings) {
    this.bucket = settings.bucket();
    this.prefix = settings.prefix();
    var builder =
        S3Client.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build())
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(true)
            // S3-compatible stores differ in which checksum headers they know; send and check the
            // ones S3 requires, no more.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    this.s3 = builder.build();
  }

  private static AwsCredentialsProvider credentials(Settings settings) {
    if (settings.accessKey() == null || settings.accessKey().isBlank()) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
  }

  @Override
  public String put(byte[] content) throws IOException {
    String sha256 = ContentDigest.sha256(content);
    if (!contains(sha256)) {
      try {
        s3.putObject(
            request -> request.bucket(bucket).key(key(sha256)).contentLength((long) content.length),
            RequestBody.fromBytes(content));
      } catch (SdkException e) {
        throw new IOException("could not store attachment " + sha256 + " in bucket " + bucket, e);
      }
    }
    return sha256;
  }

  @Override
  public Optional<InputStream> open(String sha256) throws IOException {
    if (!ContentDigest.isDigest(sha256)) {
      return Optional.empty();
    }
    try {
      return Optional.of(s3.getObject(request -> request.bucket(bucket).key(key(sha256))));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException("could not read attachment " + sha256 + " from bucket " + bucket, e);
    }
  }

  @Override
  public boolean contains(String sha256) throws IOException {
    if (!ContentDigest.isDigest(sha256)) {
      return false;
    }
    try {
      s3.headObject(request -> request.bucket(bucket).key(key(sha256)));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IOException("could not look up attachment " + sha256 + " in bucket " + bucket, e);
    } catch (SdkException e) {
      throw new IOException("could not look up attachment " + sha256 + " in bucket " + bucket, e);
    }
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public void close() {
    s3.close();
  }

  private String key(String sha256) {
    return prefix + sha256;
  }
}
