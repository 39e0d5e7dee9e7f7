package dev.tempodesk.api.attachment;

import dev.tempodesk.db.attachment.AttachmentRepository;
import dev.tempodesk.db.jooq.tables.records.MessagesRecord;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The files of messages as the API shows them, and the one place where a stored HTML body's {@code
 * cid:} references become Tempodesk URLs ({@code /api/attachments/{id}?inline=true}). Done when the
 * message is read, not when it is stored: the body stays as received, and a message read before its
 * files arrive shows them once they do.
 */
@Component
public class MessageAttachments {
  /** {@code cid:} URLs in a body: up to a quote, a space, a bracket or the end of a tag. */
  private static final Pattern CID = Pattern.compile("(?i)cid:([^\"'\\s<>()]+)");

  private final AttachmentRepository attachments;

  public MessageAttachments(AttachmentRepository attachments) {
    this.attachments = attachments;
  }

  /** Where a file's bytes are served; inline ones for display in the thread. */
  public static String url(UUID attachmentId, boolean inline) {
    return "/api/attachments/" + attachmentId + (inline ? "?inline=true" : "");
  }

  /** The files of each of these messages, in position order; a message without any is absent. */
  public Map<UUID, List<MessageAttachmentDto>> of(Collection<MessagesRecord> messages) {
    return attachments.forMessages(messages.stream().map(MessagesRecord::getId).toList()).stream()
        .collect(
            Collectors.groupingBy(
                row -> row.getMessageId(),
                LinkedHashMap::new,
                Collectors.mapping(MessageAttachmentDto::from, Collectors.toList())));
  }

  /**
   * The HTML with every {@code cid:} reference to one of {@code files} replaced by the file's URL;
   * references to no known file are left as they are (the browser shows nothing for them).
   */
  public static String rewriteCids(String html, List<MessageAttachmentDto> files) {
    if (html == null || files.isEmpty()) {
      return html;
    }
    Map<String, MessageAttachmentDto> byContentId = new LinkedHashMap<>();
    for (MessageAttachmentDto file : files) {
      if (file.contentId() != null) {
        byContentId.putIfAbsent(file.contentId().toLowerCase(Locale.ROOT), file);
      }
    }
    if (byContentId.isEmpty()) {
      return html;
    }
    Matcher matcher = CID.matcher(html);
    StringBuilder out = new StringBuilder(html.length());
    while (matcher.find()) {
      String contentId = percentDecoded(matcher.group(1)).toLowerCase(Locale.ROOT);
      String replacement =
          Optional.ofNullable(byContentId.get(contentId))
              .map(file -> url(file.id(), true))
              .orElse(matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** A cid URL is %-encoded (RFC 2392); a broken escape is kept as written. */
  private static String percentDecoded(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    try {
      return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException broken) {
      return value;
    }
  }
}
