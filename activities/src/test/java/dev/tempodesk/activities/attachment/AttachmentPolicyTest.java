package dev.tempodesk.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.attachment.AttachmentPolicy.Kind;
import dev.tempodesk.activities.attachment.AttachmentPolicy.Limits;
import dev.tempodesk.activities.attachment.AttachmentPolicy.Refusal;
import dev.tempodesk.activities.attachment.AttachmentPolicy.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachmentPolicyTest {
  /** A 1x1 transparent PNG. */
  static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

  /** The start of a Windows executable: "MZ", padding, and the PE header at offset 0x80. */
  static byte[] windowsExecutable() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }

  private final AttachmentPolicy policy = AttachmentPolicy.defaults();

  private static byte[] text(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPictureIsKeptWithTheTypeItsBytesHaveWhateverItsNameSays() {
    Verdict verdict = policy.check("file", "holiday.pdf", PNG);

    assertThat(verdict.ok()).isTrue();
    assertThat(verdict.detectedType()).isEqualTo("image/png");
  }

  @Test
  void anExecutableDisguisedAsAPdfIsRefusedAsBlockedType() {
    Verdict verdict = policy.check("file", "invoice.pdf", windowsExecutable());

    assertThat(verdict.ok()).isFalse();
    Refusal refusal = verdict.refusal().orElseThrow();
    assertThat(refusal.kind()).isEqualTo(Kind.BLOCKED_TYPE);
    assertThat(refusal.status()).isEqualTo(415);
    assertThat(refusal.field()).isEqualTo("file");
    assertThat(refusal.reason()).contains("invoice.pdf").contains("executable");
  }

  @Test
  void aShellScriptNamedAsTextIsRefusedByItsBytes() {
    Verdict verdict = policy.check("file", "notes.txt", text("#!/bin/sh\nrm -rf ~\n"));

    assertThat(verdict.refusal()).map(Refusal::kind).contains(Kind.BLOCKED_TYPE);
  }

  @Test
  void blockedExtensionsAreRefusedWhateverTheBytesIncludingTrailingDotsAndCase() {
    for (String name : new String[] {"setup.EXE", "run.bat.", "script.ps1", "app.jar", "a.vbs"}) {
      assertThat(policy.check("file", name, text("harmless words")).refusal())
          .as(name)
          .map(Refusal::kind)
          .contains(Kind.BLOCKED_TYPE);
    }
    assertThat(policy.check("file", "report.txt", text("harmless words")).ok()).isTrue();
  }

  @Test
  void emptyAndUnnamedFilesAreUnprocessable() {
    assertThat(policy.check("file", "empty.txt", new byte[0]).refusal())
        .map(Refusal::kind)
        .contains(Kind.EMPTY);
    for (String name : new String[] {null, "", "   ", "../", "C:\\temp\\", "\u0000\u202e"}) {
      Verdict verdict = policy.check("file", name, text("words"));
      assertThat(verdict.refusal())
          .as(String.valueOf(name))
          .map(Refusal::kind)
          .contains(Kind.UNNAMED);
      assertThat(verdict.refusal().orElseThrow().status()).isEqualTo(422);
    }
  }

  @Test
  void filesAndMessagesOverTheirLimitsAreTooLarge() {
    AttachmentPolicy small =
        new AttachmentPolicy(new Limits(10, 15, Set.of(".EXE"), Set.of("application/x-sh")));

    assertThat(small.check("file", "ten.txt", text("0123456789")).ok()).isTrue();
    Refusal tooLarge =
        small.check("file", "eleven.txt", text("0123456789A")).refusal().orElseThrow();
    assertThat(tooLarge.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(small.checkDeclaredSize("file", "big.iso", 11)).isPresent();
    assertThat(small.checkDeclaredSize("file", "small.iso", 10)).isEmpty();
    assertThat(small.checkMessageTotal("files", 16)).map(Refusal::status).contains(413);
    assertThat(small.checkMessageTotal("files", 15)).isEmpty();
    // configured lists replace the defaults, normalised
    assertThat(small.check("file", "x.exe", text("words")).refusal()).isPresent();
    assertThat(small.check("file", "x.bat", text("words")).ok()).isTrue();
  }

  @Test
  void defaultLimitsAreTwentyFiveMegabytesPerFileAndFortyPerMessage() {
    assertThat(policy.checkDeclaredSize("file", "a.bin", 25L * 1024 * 1024)).isEmpty();
    assertThat(policy.checkDeclaredSize("file", "a.bin", 25L * 1024 * 1024 + 1)).isPresent();
    assertThat(policy.checkMessageTotal("files", 40L * 1024 * 1024 + 1)).isPresent();
  }

  @Test
  void onlySafeRasterImagesAreShownInlineAndPagesAreNeverServedAsPages() {
    assertThat(AttachmentPolicy.inlineAllowed("image/png")).isTrue();
    assertThat(AttachmentPolicy.inlineAllowed("image/jpeg")).isTrue();
    assertThat(AttachmentPolicy.inlineAllowed("image/svg+xml")).isFalse();
    assertThat(AttachmentPolicy.inlineAllowed("text/html")).isFalse();

    String html =
        policy.detect(text("<html><body><script>alert(1)</script></body></html>"), "a.txt");
    assertThat(AttachmentPolicy.servedContentType(html)).isEqualTo("application/octet-stream");
    assertThat(AttachmentPolicy.servedContentType("image/svg+xml"))
        .isEqualTo("application/octet-stream");
    assertThat(AttachmentPolicy.servedContentType("application/xhtml+xml"))
        .isEqualTo("application/octet-stream");
    assertThat(AttachmentPolicy.servedContentType("application/pdf")).isEqualTo("application/pdf");
  }
}
