package dev.tempodesk.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.activities.attachment.AttachmentPolicy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** What an upload endpoint answers for each of the policy's refusals. */
class AttachmentRefusalProblemTest {
  private final AttachmentPolicy policy =
      new AttachmentPolicy(
          new AttachmentPolicy.Limits(
              8,
              16,
              AttachmentPolicy.DEFAULT_BLOCKED_EXTENSIONS,
              AttachmentPolicy.DEFAULT_BLOCKED_TYPES));
  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  private ProblemDetail answer(String filename, String content) {
    AttachmentPolicy.Refusal refusal =
        policy
            .check("files[0]", filename, content.getBytes(StandardCharsets.UTF_8))
            .refusal()
            .orElseThrow();
    return handler.refusedField(FieldException.refused(refusal));
  }

  @Test
  void tooLargeIs413BlockedIs415EmptyOrUnnamedIs422AllNamingTheField() {
    ProblemDetail tooLarge = answer("notes.txt", "nine bytes");
    ProblemDetail blocked = answer("setup.exe", "MZ");
    ProblemDetail empty = answer("empty.txt", "");
    ProblemDetail unnamed = answer("../", "words");

    assertThat(tooLarge.getStatus()).isEqualTo(413);
    assertThat(tooLarge.getType().toString()).isEqualTo("urn:tempodesk:problem:too-large");
    assertThat(blocked.getStatus()).isEqualTo(415);
    assertThat(blocked.getType().toString()).isEqualTo("urn:tempodesk:problem:blocked-type");
    assertThat(blocked.getDetail()).contains("setup.exe");
    assertThat(empty.getStatus()).isEqualTo(422);
    assertThat(unnamed.getStatus()).isEqualTo(422);
    for (ProblemDetail problem : new ProblemDetail[] {tooLarge, blocked, empty, unnamed}) {
      assertThat(problem.getProperties()).containsEntry("field", "files[0]");
    }
  }
}
