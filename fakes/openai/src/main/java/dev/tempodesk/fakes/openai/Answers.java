package dev.tempodesk.fakes.openai;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake model: deterministic answers computed from the prompt, so tests can assert them (rules
 * in package-info). Never calls anything.
 */
final class Answers {

  enum Purpose {
    SUMMARY,
    DRAFT,
    TRIAGE,
    OTHER
  }

  private static final Pattern PURPOSE =
      Pattern.compile("triage|summar|draft|reply", Pattern.CASE_INSENSITIVE);
  private static final Pattern FROM = Pattern.compile("^From:\\s*(.+?)\\s*(?:<[^>]*>)?\\s*$");
  private static final Pattern SPEAKER =
      Pattern.compile("^([^:()<>\\n]{1,60}?)\\s*(?:<[^>]*>)?\\s*(?:\\(([^)]{1,40})\\))?:\\s*(.*)$");
  private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z -]{0,30}):\\s*(.*)$");
  private static final Set<String> HEADER_KEYS =
      Set.of(
          "subject",
          "ticket",
          "status",
          "priority",
          "tags",
          "tag",
          "group",
          "groups",
          "customer",
          "to",
          "date",
          "cc",
          "requester",
          "macros",
          "macro",
          "channel",
          "number",
          "from");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s");

  private Answers() {}

  /** The first of "triage", "summar…", "draft", "reply" in the system messages decides. */
  static Purpose purpose(ChatRequest request) {
    Matcher matcher = PURPOSE.matcher(request.instructions());
    if (matcher.find()) {
      return switch (matcher.group().toLowerCase(Locale.ROOT)) {
        case "triage" -> Purpose.TRIAGE;
        case "summar" -> Purpose.SUMMARY;
        default -> Purpose.DRAFT;
      };
    }
    return request.json() ? Purpose.TRIAGE : Purpose.OTHER;
  }

  static String answer(ChatRequest request) {
    return switch (purpose(request)) {
      case SUMMARY -> summary(request);
      case DRAFT -> draft(request);
      case TRIAGE -> triage(request);
      case OTHER -> "Noted: " + firstSentence(last(request.conversation()));
    };
  }

  /** One line per message of the thread: "- Speaker: first sentence." */
  static String summary(ChatRequest request) {
    List<String> lines = new ArrayList<>();
    for (Block block : blocks(request)) {
      String sentence = firstSentence(block.text());
      if (!sentence.isEmpty()) {
        lines.add("- " + block.speaker() + ": " + sentence);
      }
    }
    return lines.isEmpty() ? "Nothing to summarise." : String.join("\n", lines);
  }

  /** Greets the customer by name and names the subject. */
  static String draft(ChatRequest request) {
    String customer = header(request, "customer");
    if (customer == null) {
      customer =
          blocks(request).stream()
              .filter(
                  b -> b.role() != null && b.role().toLowerCase(Locale.ROOT).contains("customer"))
              .map(Block::speaker)
              .findFirst()
              .orElseGet(
                  () -> blocks(request).stream().map(Block::speaker).findFirst().orElse("there"));
    }
    String subject = header(request, "subject");
    return "Hello "
        + stripAddress(customer)
        + ",\n\nthank you for your message about \""
        + (subject == null ? "your request" : subject)
        + "\". We are looking into it and will get back to you shortly.\n\nKind regards";
  }

  /** {@code {"priority","tags","group","reason"}} from keywords of the conversation. */
  static String triage(ChatRequest request) {
    String text =
        String.join(
                "\n", request.conversation().stream().map(ChatRequest.Message::content).toList())
            .toLowerCase(Locale.ROOT);
    String priority;
    String reason;
    if (matches(text, "urgent|outage|down for everyone|asap|immediately|critical")) {
      priority = "URGENT";
      reason = "the customer says it is urgent";
    } else if (matches(text, "cannot|can't|can not|error|broken|fails|failed|not working")) {
      priority = "HIGH";
      reason = "something does not work for the customer";
    } else if (matches(text, "question|wondering|feature|suggestion|just curious")) {
      priority = "LOW";
      reason = "a question, nothing is broken";
    } else {
      priority = "NORMAL";
      reason = "no sign of urgency";
    }
    Set<String> tags = new LinkedHashSet<>();
    if (matches(text, "invoice|refund|charge|billing|payment|receipt")) {
      tags.add("billing");
    }
    if (matches(text, "log in|login|sign in|password|2fa|locked out")) {
      tags.add("login");
    }
    if (matches(text, "error|bug|crash|broken|not working")) {
      tags.add("bug");
    }
    if (matches(text, "delivery|shipping|parcel|package|tracking")) {
      tags.add("shipping");
    }
    if (matches(text, "feature|suggestion")) {
      tags.add("feature-request");
    }
    ObjectNode json = OpenAiJson.MAPPER.createObjectNode();
    json.put("priority", priority);
    tags.forEach(json.putArray("tags")::add);
    if (tags.isEmpty()) {
      json.putArray("tags");
    }
    json.put("group", group(request, tags));
    json.put("reason", reason);
    return OpenAiJson.MAPPER.writeValueAsString(json);
  }

  /**
   * From a "Groups: a, b" line of the prompt, the first whose name holds one of the tags (or
   * "tech"/"support" for bugs and logins); else the first listed; without a list "Billing" for
   * billing and "Support" otherwise.
   */
  private static String group(ChatRequest request, Set<String> tags) {
    String listed = header(request, "groups");
    if (listed == null) {
      return tags.contains("billing") ? "Billing" : "Support";
    }
    List<String> groups =
        List.of(listed.split(",")).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    if (groups.isEmpty()) {
      return "Support";
    }
    for (String group : groups) {
      String name = group.toLowerCase(Locale.ROOT);
      for (String tag : tags) {
        boolean technical = tag.equals("bug") || tag.equals("login");
        if (name.contains(tag) || (technical && name.contains("tech"))) {
          return group;
        }
      }
    }
    return groups.getFirst();
  }

  record Block(String speaker, String role, String text) {}

  /**
   * The thread's messages: a line "From: Name &lt;address&gt;" or "Name (role): text" starts one;
   * header lines ("Subject: …") end one. Without such lines, each chat message is one, by
   * "Customer" (user) or "Agent" (assistant).
   */
  static List<Block> blocks(ChatRequest request) {
    List<Block> blocks = new ArrayList<>();
    for (ChatRequest.Message message : request.conversation()) {
      String speaker = null;
      String role = null;
      StringBuilder text = new StringBuilder();
      boolean found = false;
      for (String line : message.content().split("\\R")) {
        String stripped = line.strip();
        Matcher from = FROM.matcher(stripped);
        Matcher header = HEADER.matcher(stripped);
        Matcher said = SPEAKER.matcher(stripped);
        if (from.matches()) {
          add(blocks, speaker, role, text);
          speaker = from.group(1);
          role = null;
          text.setLength(0);
          found = true;
        } else if (header.matches()
            && HEADER_KEYS.contains(header.group(1).strip().toLowerCase(Locale.ROOT))) {
          add(blocks, speaker, role, text);
          speaker = null;
          text.setLength(0);
        } else if (said.matches() && looksLikeName(said.group(1))) {
          add(blocks, speaker, role, text);
          speaker = said.group(1).strip();
          role = said.group(2);
          text.setLength(0);
          text.append(said.group(3));
          found = true;
        } else if (speaker != null) {
          text.append(text.isEmpty() ? "" : " ").append(stripped);
        }
      }
      add(blocks, speaker, role, text);
      if (!found) {
        String fallback = message.role().equals("assistant") ? "Agent" : "Customer";
        blocks.add(new Block(fallback, null, message.content().strip()));
      }
    }
    return blocks;
  }

  private static boolean looksLikeName(String candidate) {
    String name = candidate.strip();
    return !name.isEmpty()
        && Character.isUpperCase(name.codePointAt(0))
        && name.split("\\s+").length <= 5
        && !HEADER_KEYS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static void add(List<Block> blocks, String speaker, String role, StringBuilder text) {
    if (speaker != null && !text.toString().isBlank()) {
      blocks.add(new Block(speaker, role, text.toString().strip()));
    }
  }

  /** The value of the first "Key: value" line of any message, or null. */
  private static String header(ChatRequest request, String key) {
    for (ChatRequest.Message message : request.messages()) {
      for (String line : message.content().split("\\R")) {
        Matcher header = HEADER.matcher(line.strip());
        if (header.matches()
            && header.group(1).strip().equalsIgnoreCase(key)
            && !header.group(2).isBlank()) {
          return header.group(2).strip();
        }
      }
    }
    return null;
  }

  private static String stripAddress(String name) {
    return name.replaceAll("\\s*<[^>]*>", "").replaceAll("\\s*\\([^)]*\\)", "").strip();
  }

  static String firstSentence(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    String[] parts = SENTENCE_END.split(flat, 2);
    return parts.length == 0 ? "" : parts[0];
  }

  private static String last(List<ChatRequest.Message> messages) {
    return messages.isEmpty() ? "" : messages.getLast().content();
  }

  private static boolean matches(String text, String alternatives) {
    return Pattern.compile("\\b(?:" + alternatives + ")\\b").matcher(text).find();
  }

  /** A rough token count, as a quarter of the characters (at least 1 for any text). */
  static int tokens(String text) {
    return text.isEmpty() ? 0 : (text.length() + 3) / 4;
  }
}
