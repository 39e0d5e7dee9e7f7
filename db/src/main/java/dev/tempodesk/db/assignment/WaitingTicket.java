package dev.tempodesk.db.assignment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An unassigned NEW ticket in the assignment queue, with the version an assignment expects.
 *
 * @param groupId only members of this group may take it
 * @param skills the ticket's tags that are skills of an active member of its group
 * @param skilledOnly while true, only members having all {@code skills} may take it; false once it
 *     has waited its group's skill wait (or when it asks for no skill)
 * @param fallbackAt when any member may take it ({@code waitingSince} + the group's skill wait)
 */
public record WaitingTicket(
    long number,
    long version,
    String priority,
    OffsetDateTime resolveDueAt,
    long groupId,
    String groupName,
    List<String> skills,
    boolean skilledOnly,
    OffsetDateTime waitingSince,
    OffsetDateTime fallbackAt) {

  public WaitingTicket {
    skills = List.copyOf(skills);
  }
}
