package dev.tempodesk.api.attachment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attachment settings ({@code tempodesk.attachments.*}; the environment variables are wired in
 * application.yaml). Unset sizes and lists keep AttachmentPolicy's defaults.
 *
 * @param maxFileBytes largest file (TEMPODESK_ATTACHMENTS_MAX_FILE_BYTES; default 25 MB)
 * @param maxMessageBytes largest sum of one message's files
 *     (TEMPODESK_ATTACHMENTS_MAX_MESSAGE_BYTES; default 40 MB)
 * @param blockedExtensions refused file name extensions, comma-separated
 *     (TEMPODESK_ATTACHMENTS_BLOCKED_EXTENSIONS; default: executables and scripts)
 * @param blockedTypes refused detected media types, comma-separated
 *     (TEMPODESK_ATTACHMENTS_BLOCKED_TYPES; default: executables and scripts)
 * @param s3 the S3-compatible store; without a bucket the bytes go to Postgres
 */
@ConfigurationProperties("tempodesk.attachments")
public record AttachmentProperties(
    Long maxFileBytes,
    Long maxMessageBytes,
    List<String> blockedExtensions,
    List<String> blockedTypes,
    S3 s3) {

  /**
   * @param endpoint the S3 API's URL (TEMPODESK_ATTACHMENTS_S3_ENDPOINT), e.g. http://minio:9000;
   *     blank for AWS S3 itself
   * @param bucket the bucket, which must exist (TEMPODESK_ATTACHMENTS_S3_BUCKET); set, it turns the
   *     S3 store on
   * @param region the signing region (TEMPODESK_ATTACHMENTS_S3_REGION; default us-east-1)
   * @param accessKey TEMPODESK_ATTACHMENTS_S3_ACCESS_KEY; blank: the AWS SDK's default credentials
   * @param secretKey TEMPODESK_ATTACHMENTS_S3_SECRET_KEY
   * @param prefix prepended to every object key (TEMPODESK_ATTACHMENTS_S3_PREFIX; default
   *     attachments/)
   */
  public record S3(
      String endpoint,
      String bucket,
      String region,
      String accessKey,
      String secretKey,
      String prefix) {
    public S3 {
      endpoint = blankToNull(endpoint);
      bucket = blankToNull(bucket);
      region = blankToNull(region);
      accessKey = blankToNull(accessKey);
      secretKey = blankToNull(secretKey);
      prefix = prefix == null ? "attachments/" : prefix.strip();
    }

    public boolean configured() {
      return bucket != null || endpoint != null || accessKey != null;
    }
  }

  public AttachmentProperties {
    blockedExtensions = blockedExtensions == null ? List.of() : blank(blockedExtensions);
    blockedTypes = blockedTypes == null ? List.of() : blank(blockedTypes);
    s3 = s3 == null ? new S3(null, null, null, null, null, null) : s3;
  }

  private static List<String> blank(List<String> values) {
    return values.stream().filter(value -> value != null && !value.isBlank()).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
