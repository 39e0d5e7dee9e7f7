package dev.tempodesk.api.people;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.workflows.ticket.Tags;
import dev.tempodesk.workflows.ticket.TicketRuleViolation;
import java.util.List;
import java.util.TreeSet;

/**
 * An agent's skills: tags on the agent, so normalized and refused by the ticket tags' rules ({@link
 * Tags}), and as many as a ticket may carry.
 */
final class Skills {
  private Skills() {}

  /**
   * @return sorted, without duplicates
   * @throws FieldException 422 naming {@code skills}
   */
  static String[] normalize(List<String> raw) {
    TreeSet<String> skills;
    try {
      skills = Tags.normalizeAll(raw, "skills");
    } catch (TicketRuleViolation unusable) {
      throw FieldException.invalid("skills", unusable.text());
    }
    if (skills.size() > Tags.MAX_PER_TICKET) {
      throw FieldException.invalid(
          "skills",
          "An agent can have %d skills at most (%d given)."
              .formatted(Tags.MAX_PER_TICKET, skills.size()));
    }
    return skills.toArray(String[]::new);
  }
}
