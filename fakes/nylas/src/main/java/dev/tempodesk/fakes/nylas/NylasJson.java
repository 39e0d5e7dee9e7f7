package dev.tempodesk.fakes.nylas;

import dev.tempodesk.fakes.nylas.FakeMessage.Header;
import dev.tempodesk.fakes.nylas.FakeMessage.Participant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Nylas v3 JSON shapes (snake_case, Unix seconds), in the reference's field order. */
final class NylasJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Set<String> BASIC_HEADERS = Set.of("message-id", "in-reply-to", "references");

  /** Which headers a message carries: {@code fields=standard|include_headers|...basic...}. */
  enum Headers {
    NONE,
    ALL,
    BASIC
  }

  private NylasJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode message(FakeMessage m, Headers headers) {
    ObjectNode json = object();
    json.put("id", m.id());
    json.put("grant_id", m.grantId());
    json.put("object", "message");
    json.put("thread_id", m.threadId());
    json.put("subject", m.subject());
    json.set("from", participants(m.from()));
    json.set("to", participants(m.to()));
    json.set("cc", participants(m.cc()));
    json.set("bcc", participants(m.bcc()));
    json.set("reply_to", participants(m.replyTo()));
    json.put("date", m.date());
    json.put("body", m.body());
    json.put("snippet", m.snippet());
    json.put("starred", false);
    json.put("unread", m.unread());
    json.set("folders", strings(m.folders()));
    ArrayNode files = json.putArray("attachments");
    for (FakeMessage.Attachment a : m.attachments()) {
      files.add(attachment(a, m.grantId()));
    }
    if (headers != Headers.NONE) {
      ArrayNode list = json.putArray("headers");
      for (Header h : m.headers()) {
        if (headers == Headers.ALL || BASIC_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
          list.addObject().put("name", h.name()).put("value", h.value());
        }
      }
    }
    return json;
  }

  /** A thread built from its messages (oldest first, drafts included). */
  /** An attachment as listed on its message (§2.2): metadata only, no content. */
  static ObjectNode attachment(FakeMessage.Attachment a, String grantId) {
    ObjectNode file = object();
    file.put("id", a.id());
    file.put("grant_id", grantId);
    file.put("filename", a.filename());
    file.put("content_type", a.contentType());
    file.put("size", a.size());
    file.put("is_inline", a.inline());
    if (a.contentId() != null) {
      file.put("content_id", a.contentId());
    }
    if (a.contentDisposition() != null) {
      file.put("content_disposition", a.contentDisposition());
    }
    return file;
  }

  static ObjectNode thread(String threadId, String grantId, List<FakeMessage> messages) {
    List<FakeMessage> mail = messages.stream().filter(m -> !m.isDraft()).toList();
    List<FakeMessage> drafts = messages.stream().filter(FakeMessage::isDraft).toList();
    FakeMessage latest = messages.getLast();
    ObjectNode json = object();
    json.put("id", threadId);
    json.put("grant_id", grantId);
    json.put("object", "thread");
    json.put("subject", messages.getFirst().subject());
    json.put("snippet", latest.snippet());
    json.set("message_ids", strings(mail.stream().map(FakeMessage::id).toList()));
    json.set("draft_ids", strings(drafts.stream().map(FakeMessage::id).toList()));
    Set<String> folders = new LinkedHashSet<>();
    Map<String, Participant> participants = new LinkedHashMap<>();
    for (FakeMessage m : messages) {
      folders.addAll(m.folders());
      for (List<Participant> list : List.of(m.from(), m.to(), m.cc())) {
        list.forEach(p -> participants.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p));
      }
    }
    json.set("folders", strings(List.copyOf(folders)));
    json.set("participants", participants(List.copyOf(participants.values())));
    json.put("has_attachments", messages.stream().anyMatch(m -> !m.attachments().isEmpty()));
    json.put("has_drafts", !drafts.isEmpty());
    json.put("starred", false);
    json.put("unread", messages.stream().anyMatch(FakeMessage::unread));
    json.put("earliest_message_date", messages.getFirst().date());
    putLatest(json, "latest_message_received_date", mail.stream().filter(m -> !m.isSent()));
    putLatest(json, "latest_message_sent_date", mail.stream().filter(FakeMessage::isSent));
    json.set("latest_draft_or_message", message(latest, Headers.NONE));
    return json;
  }

  static ObjectNode folder(FakeMailbox.Folder folder, String grantId, List<FakeMessage> all) {
    ObjectNode json = object();
    json.put("id", folder.id());
    json.put("grant_id", grantId);
    json.put("object", "folder");
    json.put("name", folder.name());
    json.set("attributes", strings(folder.attributes()));
    json.put("system_folder", true);
    json.putNull("parent_id");
    json.put("child_count", 0);
    json.put("total_count", all.stream().filter(m -> m.inFolder(folder.id())).count());
    json.put(
        "unread_count", all.stream().filter(m -> m.inFolder(folder.id()) && m.unread()).count());
    return json;
  }

  static ObjectNode grant(FakeMailbox box, List<String> scopes) {
    ObjectNode json = object();
    json.put("id", box.grantId());
    json.put("provider", box.provider());
    json.set("scope", strings(scopes));
    json.put("created_at", box.createdAt());
    json.put("updated_at", box.createdAt());
    json.put("grant_status", box.valid() ? "valid" : "invalid");
    json.put("email", box.email());
    json.put("state", box.state());
    json.putObject("settings");
    json.put("blocked", false);
    return json;
  }

  /** The error shape of every non-OAuth endpoint. */
  static ObjectNode error(String requestId, String type, String message) {
    ObjectNode json = object();
    json.put("request_id", requestId);
    json.putObject("error").put("type", type).put("message", message);
    return json;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.stringValue() : null;
  }

  private static void putLatest(ObjectNode json, String field, Stream<FakeMessage> messages) {
    messages.mapToLong(FakeMessage::date).max().ifPresent(date -> json.put(field, date));
  }

  private static ArrayNode participants(List<Participant> list) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Participant p : list) {
      ObjectNode entry = array.addObject();
      if (p.name() != null) {
        entry.put("name", p.name());
      }
      entry.put("email", p.email());
    }
    return array;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
