package dev.tempodesk.fakes.nylas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sends with files in both forms of the reference (§4): JSON with base64 content under 3 MB,
 * multipart/form-data (message JSON + file parts, an inline image's part named by its content id)
 * from there, nothing over 25 MB; the files are decoded and kept for tests to check.
 */
class FakeNylasSendFormsTest {
  private static final String GRANT = "grant-forms";
  private static final String MESSAGE =
      "{\"to\":[{\"email\":\"dana@client.example\"}],\"subject\":\"Files\",\"body\":\"<img"
          + " src=\\\"cid:logo\\\">\"}";
  private FakeNylasServer server;
  private NylasHttp http;

  @BeforeEach
  void start() {
    server = FakeNylasServer.start("forms-key", "forms-client", FaultPlan.none());
    server.addGrant(GRANT, "support@forms.example");
    http = new NylasHttp(server.baseUrl(), "forms-key");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void shouldDecodeBase64FilesOfAJsonSendAndListThem() {
    byte[] pdf = bytes(1000, 1);

    NylasHttp.Response sent = http.send(GRANT, fixJson(pdf), "k-json");

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    JsonNode data = sent.json().get("data");
    List<SentFile> files = server.sentFiles(data.get("id").asString());
    assertThat(files)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.content()).isEqualTo(pdf);
              assertThat(f.multipart()).isFalse();
            });
    assertThat(data.get("attachments").get(0).get("filename").asString()).isEqualTo("a.pdf");
  }

  @Test
  void shouldRefuseJsonFilesOfThreeMegabytesAsTheReferenceRequiresMultipart() {
    NylasHttp.Response refused = http.send(GRANT, fixJson(bytes(3 * 1024 * 1024, 2)), "k-big");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("multipart/form-data");
  }

  @Test
  void shouldTakeMultipartFilesWithTheInlineImageNamedByItsContentId() {
    byte[] scan = bytes(4 * 1024 * 1024, 3);
    byte[] logo = bytes(500, 4);

    NylasHttp.Response sent =
        http.send(GRANT, "multipart/form-data; boundary=b1", form("b1", scan, logo), "k-multi");
    NylasHttp.Response replay =
        http.send(
            GRANT, "multipart/form-data; boundary=other", form("other", scan, logo), "k-multi");

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    List<SentFile> files = server.sentFiles(sent.json().get("data").get("id").asString());
    assertThat(files).extracting(SentFile::filename).containsExactly("scan.tiff", "logo.png");
    assertThat(files.get(0).content()).isEqualTo(scan);
    assertThat(files.get(1).contentId()).isEqualTo("logo");
    assertThat(files.get(1).inline()).isTrue();
    assertThat(replay.status()).as("another boundary is the same payload").isEqualTo(200);
    assertThat(replay.header("Idempotent-Response")).isEqualTo("true");
    assertThat(server.sent(GRANT)).hasSize(1);
  }

  @Test
  void shouldRefuseMoreThanTwentyFiveMegabytesOfFiles() {
    NylasHttp.Response refused =
        http.send(
            GRANT,
            "multipart/form-data; boundary=b2",
            form("b2", bytes(26 * 1024 * 1024, 5), bytes(10, 6)),
            "k-huge");

    assertThat(refused.status()).isEqualTo(413);
    assertThat(server.sent(GRANT)).isEmpty();
  }

  private static String fixJson(byte[] content) {
    return "{\"to\":[{\"email\":\"dana@client.example\"}],\"subject\":\"Files\",\"body\":\"x\","
        + "\"attachments\":[{\"filename\":\"a.pdf\",\"content_type\":\"application/pdf\","
        + "\"content\":\""
        + Base64.getEncoder().encodeToString(content)
        + "\"}]}";
  }

  private static byte[] form(String boundary, byte[] scan, byte[] logo) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part(
        out,
        boundary,
        "form-data; name=\"message\"",
        "application/json",
        MESSAGE.getBytes(StandardCharsets.UTF_8));
    part(out, boundary, "form-data; name=\"file0\"; filename=\"scan.tiff\"", "image/tiff", scan);
    part(out, boundary, "form-data; name=\"logo\"; filename=\"logo.png\"", "image/png", logo);
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static void part(
      ByteArrayOutputStream out, String boundary, String disposition, String type, byte[] body) {
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: "
                + disposition
                + "\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(body);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
