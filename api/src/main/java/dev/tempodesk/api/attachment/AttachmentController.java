package dev.tempodesk.api.attachment;

import dev.tempodesk.activities.attachment.AttachmentFilenames;
import dev.tempodesk.activities.attachment.AttachmentPolicy;
import dev.tempodesk.api.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/attachments")
@Tag(name = "Attachments")
class AttachmentController {
  /** Nothing served from here runs: no scripts, no plugins, no forms, its own origin. */
  static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; style-src 'none'";

  private final AttachmentDownloads downloads;
  private final CurrentActor current;

  AttachmentController(AttachmentDownloads downloads, CurrentActor current) {
    this.downloads = downloads;
    this.current = current;
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "downloadAttachment",
      summary = "Download an attachment",
      description =
          "Staff may download the attachments of the tickets they see (an agent: their groups'"
              + " and their own); customers those of public messages of their own tickets (404"
              + " otherwise). Served as a download (Content-Disposition: attachment)"
              + " with the type detected from the bytes; HTML, SVG, XML and scripts as"
              + " application/octet-stream. inline=true shows PNG, JPEG, GIF and WebP images"
              + " inline; other types are still downloads. 409 while the file is not stored"
              + " (PENDING, FAILED or REFUSED; the detail says which).")
  ResponseEntity<Resource> download(
      @PathVariable UUID id,
      @Parameter(description = "Show a safe raster image inline instead of downloading it")
          @RequestParam(defaultValue = "false")
          boolean inline)
      throws IOException {
    AttachmentDownloads.Download download = downloads.open(current.required(), id);
    boolean shownInline = inline && AttachmentPolicy.inlineAllowed(download.contentType());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(download.contentType()));
    if (download.attachment().getSizeBytes() != null) {
      headers.setContentLength(download.attachment().getSizeBytes());
    }
    headers.set(
        HttpHeaders.CONTENT_DISPOSITION,
        AttachmentFilenames.contentDisposition(download.attachment().getFilename(), shownInline));
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", SANDBOX);
    headers.setCacheControl("private, max-age=300");
    headers.setETag("\"" + download.attachment().getSha256() + "\"");
    return ResponseEntity.ok().headers(headers).body(new InputStreamResource(download.content()));
  }
}
