package dev.tempodesk.activities.attachment;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * What files Tempodesk keeps, in and out: the one home of the size limits, the blocked types and
 * the empty/unnamed rules, and of the content type, which is detected from the bytes (Tika's
 * detector) and never taken from the sender. Inbound code records a refusal as REFUSED with its
 * reason; upload endpoints answer it as a ProblemDetail with its status (413, 415 or 422).
 *
 * <p>Also says how a stored file may be served: which types may be shown inline (safe raster
 * images) and which must be served as {@code application/octet-stream} (anything a browser could
 * run as a page: HTML, SVG, XML, scripts).
 */
public final class AttachmentPolicy {
  /** Per file: 25 MB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 25L * 1024 * 1024;

  /** All files of one message together: 40 MB (a little under what common mail servers accept). */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 40L * 1024 * 1024;

  /** Executables, installers and scripts, by file name extension (lower case, no dot). */
  public static final Set<String> DEFAULT_BLOCKED_EXTENSIONS =
      Set.of(
          "exe", "msi", "msp", "dll", "com", "scr", "pif", "cpl", "bat", "cmd", "ps1", "psm1",
          "vbs", "vbe", "js", "jse", "mjs", "wsf", "wsh", "hta", "jar", "sh", "bash", "csh", "ksh",
          "zsh", "command", "app", "apk", "deb", "rpm", "dmg", "lnk", "reg", "elf", "run", "bin");

  /** Executables, installers and scripts, by detected media type (and their specialisations). */
  public static final Set<String> DEFAULT_BLOCKED_TYPES =
      Set.of(
          "application/x-msdownload",
          "application/x-dosexec",
          "application/x-ms-installer",
          "application/x-executable",
          "application/x-elf",
          "application/x-sharedlib",
          "application/x-mach-o",
          "application/x-mach-o-executable",
          "application/java-archive",
          "application/vnd.android.package-archive",
          "application/x-sh",
          "application/x-csh",
          "application/x-bat",
          "application/x-msdos-program",
          "application/x-powershell",
          "application/javascript",
          "text/javascript",
          "text/vbscript",
          "application/x-ms-shortcut",
          "application/hta");

  /** Shown inline in the thread: raster images a browser decodes without running anything. */
  private static final Set<String> INLINE_TYPES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private static final String OCTET_STREAM = "application/octet-stream";

  /**
   * The configurable part.
   *
   * @param maxFileBytes largest single file
   * @param maxMessageBytes largest sum of one message's files
   * @param blockedExtensions file name extensions refused (lower case, without the dot)
   * @param blockedTypes detected media types refused, with their specialisations
   */
  public record Limits(
      long maxFileBytes,
      long maxMessageBytes,
      Set<String> blockedExtensions,
      Set<String> blockedTypes) {
    public Limits {
      if (maxFileBytes < 1 || maxMessageBytes < 1) {
        throw new IllegalArgumentException("attachment size limits must be at least one byte");
      }
      blockedExtensions = normalised(blockedExtensions, true);
      blockedTypes = normalised(blockedTypes, false);
    }

    public static Limits defaults() {
      return new Limits(
          DEFAULT_MAX_FILE_BYTES,
          DEFAULT_MAX_MESSAGE_BYTES,
          DEFAULT_BLOCKED_EXTENSIONS,
          DEFAULT_BLOCKED_TYPES);
    }

    private static Set<String> normalised(Set<String> values, boolean extension) {
      return values.stream()
          .map(value -> value.strip().toLowerCase(Locale.ROOT))
          .map(value -> extension && value.startsWith(".") ? value.substring(1) : value)
          .filter(value -> !value.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    }
  }

  /** Why a file is not kept; {@code status} is the HTTP status an upload is answered with. */
  public record Refusal(Kind kind, String field, String reason) {
    public int status() {
      return kind.status;
    }
  }

  /** The refusal kinds, each with its HTTP status. */
  public enum Kind {
    /** Over the per-file or per-message limit: 413. */
    TOO_LARGE(413),
    /** An executable or script, by detected type or by name: 415. */
    BLOCKED_TYPE(415),
    /** No bytes: 422. */
    EMPTY(422),
    /** No usable file name: 422. */
    UNNAMED(422);

    final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * The outcome of {@link #check}: the detected type (also when refused, for the record) and the
   * refusal, if any.
   */
  public record Verdict(String filename, String detectedType, Optional<Refusal> refusal) {
    public boolean ok() {
      return refusal.isEmpty();
    }
  }

  private final Limits limits;
  private final Tika tika;
  private final MediaTypeRegistry registry;

  public AttachmentPolicy(Limits limits) {
    this.limits = limits;
    MimeTypes types = MimeTypes.getDefaultMimeTypes();
    this.tika = new Tika(types);
    this.registry = types.getMediaTypeRegistry();
  }

  public static AttachmentPolicy defaults() {
    return new AttachmentPolicy(Limits.defaults());
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Checks one file: its name (after {@link AttachmentFilenames#clean}), its size, and its type as
   * detected from the bytes (and the name, which only refines what the bytes say). {@code field}
   * names the request field for the ProblemDetail.
   */
  public Verdict check(String field, String filename, byte[] bytes) {
    String name = AttachmentFilenames.clean(filename);
    String detected = bytes == null || bytes.length == 0 ? OCTET_STREAM : detect(bytes, name);
    Optional<Refusal> refusal =
        unnamed(field, name)
            .or(() -> empty(field, name, bytes))
            .or(() -> checkDeclaredSize(field, name, bytes.length))
            .or(() -> blocked(field, name, detected));
    return new Verdict(name, detected, refusal);
  }

  /**
   * A size known before the bytes are (a provider's listing, an upload's declared length): refused
   * when over the per-file limit, so nothing is fetched or read in vain.
   */
  public Optional<Refusal> checkDeclaredSize(String field, String filename, long sizeBytes) {
    if (sizeBytes > limits.maxFileBytes()) {
      return Optional.of(
          new Refusal(
              Kind.TOO_LARGE,
              field,
              "%s is %s; files may be at most %s."
                  .formatted(
                      display(filename), megabytes(sizeBytes), megabytes(limits.maxFileBytes()))));
    }
    return Optional.empty();
  }

  /** The sum of one message's files against the per-message limit. */
  public Optional<Refusal> checkMessageTotal(String field, long totalBytes) {
    if (totalBytes > limits.maxMessageBytes()) {
      return Optional.of(
          new Refusal(
              Kind.TOO_LARGE,
              field,
              "The files add up to %s; one message may carry at most %s."
                  .formatted(megabytes(totalBytes), megabytes(limits.maxMessageBytes()))));
    }
    return Optional.empty();
  }

  /** The media type of these bytes, without parameters; the name only refines it. */
  public String detect(byte[] bytes, String filename) {
    MediaType type = MediaType.parse(tika.detect(bytes, filename));
    return type == null ? OCTET_STREAM : type.getBaseType().toString();
  }

  /** Whether a stored file of this detected type may be shown inline (a safe raster image). */
  public static boolean inlineAllowed(String detectedType) {
    return detectedType != null && INLINE_TYPES.contains(base(detectedType));
  }

  /**
   * The Content-Type a stored file is served with: its detected type, except anything a browser
   * could render as a document with scripts (HTML, XHTML, SVG, XML, JavaScript), which is served as
   * {@code application/octet-stream}.
   */
  public static String servedContentType(String detectedType) {
    if (detectedType == null) {
      return OCTET_STREAM;
    }
    String type = base(detectedType);
    boolean renderable =
        type.contains("html")
            || type.contains("xml")
            || type.contains("svg")
            || type.contains("javascript")
            || type.contains("ecmascript");
    return renderable || MediaType.parse(type) == null ? OCTET_STREAM : type;
  }

  private Optional<Refusal> unnamed(String field, String name) {
    return name == null
        ? Optional.of(new Refusal(Kind.UNNAMED, field, "A file needs a name."))
        : Optional.empty();
  }

  private static Optional<Refusal> empty(String field, String name, byte[] bytes) {
    return bytes == null || bytes.length == 0
        ? Optional.of(new Refusal(Kind.EMPTY, field, display(name) + " is empty."))
        : Optional.empty();
  }

  private Optional<Refusal> blocked(String field, String name, String detected) {
    String extension = AttachmentFilenames.extension(name);
    if (extension != null && limits.blockedExtensions().contains(extension)) {
      return Optional.of(
          new Refusal(
              Kind.BLOCKED_TYPE,
              field,
              "%s: .%s files (executables and scripts) are not accepted."
                  .formatted(display(name), extension)));
    }
    if (blockedType(detected)) {
      return Optional.of(
          new Refusal(
              Kind.BLOCKED_TYPE,
              field,
              "%s is %s (an executable or script), which is not accepted."
                  .formatted(display(name), detected)));
    }
    return Optional.empty();
  }

  private boolean blockedType(String detected) {
    MediaType type = MediaType.parse(detected);
    while (type != null) {
      if (limits.blockedTypes().contains(type.getBaseType().toString())) {
        return true;
      }
      type = registry.getSupertype(type);
    }
    return false;
  }

  private static String base(String type) {
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static String display(String name) {
    return name == null ? "The file" : "'" + name + "'";
  }

  private static String megabytes(long bytes) {
    if (bytes < 1024 * 1024) {
      return bytes + " bytes";
    }
    return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
  }
}
