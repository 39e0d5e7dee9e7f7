package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.db.ticket.TagRepository;
import dev.tempodesk.db.ticket.TagRepository.TagCount;
import dev.tempodesk.workflows.ticket.Tags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tags in use on tickets, for the tag editor's and the list filter's autocomplete. */
@RestController
@RequestMapping("/api/tags")
@Tag(name = "Tickets")
class TagController {
  private final TagRepository tags;

  TagController(TagRepository tags) {
    this.tags = tags;
  }

  @GetMapping
  @Operation(
      operationId = "listTags",
      summary = "Tags in use starting with a prefix, most used first, with their ticket counts.")
  List<TagCount> list(
      @Parameter(description = "Start of the tag, normalized like a tag (\"Bil\" finds billing)")
          @RequestParam(defaultValue = "")
          @Size(max = Tags.MAX_LENGTH)
          String prefix,
      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
    return tags.suggest(normalizedPrefix(prefix), limit);
  }

  private static String normalizedPrefix(String prefix) {
    if (prefix.isBlank()) {
      return "";
    }
    try {
      return Tags.normalize(prefix);
    } catch (IllegalArgumentException unusable) {
      throw FieldException.invalid("prefix", unusable.getMessage());
    }
  }
}
