package dev.tempodesk.api.assignment;

import dev.tempodesk.db.assignment.AssignmentRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the auto-assigner sees: the waiting queue and every active agent's load. */
@RestController
@RequestMapping("/api/assignment")
class AssignmentController {
  private static final int QUEUE_SHOWN = 50;

  private final AssignmentRepository assignments;
  private final AssignmentProperties properties;

  AssignmentController(AssignmentRepository assignments, AssignmentProperties properties) {
    this.assignments = assignments;
    this.properties = properties;
  }

  /**
   * @param skills the skills it asks for (its tags that are skills of a member of its group)
   * @param skilledOnly true while only members with those skills may take it
   * @param fallbackAt when any member of its group may take it, if it asks for skills
   */
  record WaitingTicketDto(
      long number,
      String priority,
      OffsetDateTime resolveDueAt,
      long groupId,
      String groupName,
      List<String> skills,
      boolean skilledOnly,
      OffsetDateTime fallbackAt) {}

  record AgentLoadDto(
      long id,
      String displayName,
      int load,
      int capacity,
      OffsetDateTime idleSince,
      List<Long> groupIds,
      List<String> skills) {}

  record GroupQueueDto(long id, String name, int waiting) {}

  /**
   * @param waiting how many tickets wait for an agent
   * @param head the first waiting tickets, in assignment order
   * @param agents active agents who are available, with their load (reservations included)
   * @param groups how many tickets wait in each group
   */
  record AssignmentQueueDto(
      boolean enabled,
      int waiting,
      List<WaitingTicketDto> head,
      List<AgentLoadDto> agents,
      List<GroupQueueDto> groups) {}

  @Operation(
      operationId = "getAssignmentQueue",
      summary = "The assignment queue",
      description =
          "Unassigned NEW tickets in the order the auto-assigner takes them (URGENT first, then"
              + " the earliest resolve deadline, whatever their group), each with its group and"
              + " the skills it asks for; the load, groups and skills of every available agent;"
              + " and how many tickets wait in each group.")
  @GetMapping("/queue")
  AssignmentQueueDto queue() {
    return new AssignmentQueueDto(
        properties.enabled(),
        assignments.queueLength(),
        assignments.waitingQueue(QUEUE_SHOWN).stream()
            .map(
                t ->
                    new WaitingTicketDto(
                        t.number(),
                        t.priority(),
                        t.resolveDueAt(),
                        t.groupId(),
                        t.groupName(),
                        t.skills(),
                        t.skilledOnly(),
                        t.skills().isEmpty() ? null : t.fallbackAt()))
            .toList(),
        assignments.availableAgents().stream()
            .map(
                a ->
                    new AgentLoadDto(
                        a.id(),
                        a.displayName(),
                        a.load(),
                        a.capacity(),
                        a.idleSince(),
                        a.groupIds().stream().sorted().toList(),
                        a.skills().stream().sorted().toList()))
            .toList(),
        assignments.queueByGroup().stream()
            .map(g -> new GroupQueueDto(g.groupId(), g.groupName(), g.waiting()))
            .toList());
  }
}
