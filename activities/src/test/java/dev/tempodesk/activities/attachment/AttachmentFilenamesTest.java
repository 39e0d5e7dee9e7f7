package dev.tempodesk.activities.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentFilenamesTest {

  @Test
  void pathPartsControlCharactersAndQuotesAreStripped() {
    assertThat(AttachmentFilenames.clean("../../etc/passwd")).isEqualTo("passwd");
    assertThat(AttachmentFilenames.clean("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
    assertThat(AttachmentFilenames.clean("a\r\nb\"c\u0000.txt")).isEqualTo("abc.txt");
    // a right-to-left override would show "photo\u202egpj.exe" as "photoexe.jpg"
    assertThat(AttachmentFilenames.clean("photo\u202egpj.exe")).isEqualTo("photogpj.exe");
    assertThat(AttachmentFilenames.clean(".hidden")).isEqualTo("hidden");
    assertThat(AttachmentFilenames.clean("run.exe. . ")).isEqualTo("run.exe");
    assertThat(AttachmentFilenames.clean("x".repeat(300) + ".pdf")).hasSize(200);
    assertThat(AttachmentFilenames.clean("Zürich Übersicht.pdf")).isEqualTo("Zürich Übersicht.pdf");
  }

  @Test
  void theExtensionIsLowerCaseWithoutTheDot() {
    assertThat(AttachmentFilenames.extension("Setup.EXE")).isEqualTo("exe");
    assertThat(AttachmentFilenames.extension("README")).isNull();
    assertThat(AttachmentFilenames.extension(null)).isNull();
  }

  @Test
  void theDispositionHasAnAsciiFallbackAndTheUtf8Name() {
    assertThat(AttachmentFilenames.contentDisposition("Zürich; \"plan\".pdf", false))
        .isEqualTo(
            "attachment; filename=\"Z_rich_ plan.pdf\"; filename*=UTF-8''Z%C3%BCrich%3B%20plan.pdf");
    assertThat(AttachmentFilenames.contentDisposition("photo.png", true))
        .isEqualTo("inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
    assertThat(AttachmentFilenames.contentDisposition(null, false))
        .startsWith("attachment; filename=\"attachment\"");
  }
}
