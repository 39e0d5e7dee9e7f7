package dev.tempodesk.api.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Tiny files of known type for attachment tests. */
public final class SampleFiles {
  private SampleFiles() {}

  /** A 1x1 PNG. */
  public static byte[] png() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
  }

  /** The smallest thing Tika takes for a PDF. */
  public static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** "MZ", padding, and the PE header at 0x80: the start of a Windows executable. */
  public static byte[] windowsExecutable() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }
}
