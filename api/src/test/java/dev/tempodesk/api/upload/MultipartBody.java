package dev.tempodesk.api.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body as a browser's FormData sends it: a JSON part and file parts. */
final class MultipartBody {
  private final String boundary = "test-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  MultipartBody json(String name, String json) {
    return part(
        "form-data; name=\"" + name + "\"",
        "application/json",
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** A file part; a null filename leaves the filename parameter out, "" sends it empty. */
  MultipartBody file(String filename, String contentType, byte[] bytes) {
    return part(
        "form-data; name=\"files\"; filename=\"" + (filename == null ? "" : filename) + "\"",
        contentType,
        bytes);
  }

  byte[] bytes() {
    ByteArrayOutputStream done = new ByteArrayOutputStream();
    done.writeBytes(out.toByteArray());
    done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return done.toByteArray();
  }

  private MultipartBody part(String disposition, String contentType, byte[] bytes) {
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: "
                + disposition
                + "\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bytes);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }
}
