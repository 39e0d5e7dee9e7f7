package dev.tempodesk.api.signature;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The request and answers of the signature endpoints. */
public final class SignatureDtos {
  private SignatureDtos() {}

  /** A new signature; empty or absent removes it. */
  @Schema(description = "A signature: HTML with placeholders such as {{agent.name}}")
  public record SignatureRequest(
      @Size(max = Signatures.MAX_HTML)
          @Schema(
              description =
                  "HTML (bold, italics, links, lists, line breaks; other markup is removed); a"
                      + " newline not right after a tag becomes a line break. Placeholders as in"
                      + " GET /api/macros/placeholders. Empty or absent: no signature.")
          String html) {}

  /**
   * A stored signature.
   *
   * @param html the sanitized HTML with its placeholders; empty when there is none
   * @param text the same as plain text (what plain-text replies get)
   * @param updatedAt null when there is none
   */
  public record SignatureDto(String html, String text, OffsetDateTime updatedAt) {}

  /**
   * What a reply on one ticket gets appended, placeholders filled: the agent's signature, then the
   * mailbox's footer; each empty when there is none.
   */
  public record AppendedSignatureDto(
      String agentHtml, String agentText, String mailboxHtml, String mailboxText) {}
}
