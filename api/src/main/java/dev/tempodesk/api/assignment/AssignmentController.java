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

  record WaitingTicketDto(long number, String priority, OffsetDateTime resolveDueAt) {}

  record AgentLoadDto(
      long id, String displayName, int load, int capacity, OffsetDateTime idleSince) {}

  /**
   * @param waiting how many tickets wait for an agent
   * @param head the first waiting tickets, in assignment order
   * @param agents active agents who are available, with their load (reservations included)
   */
  record AssignmentQueueDto(
      boolean enabled, int waiting, List<WaitingTicketDto> head, List<AgentLoadDto> agents) {}

  @Operation(
      operationId = "getAssignmentQueue",
      summary = "The assignment queue",
      description =
          "Unassigned NEW tickets in the order the auto-assigner takes them (URGENT first, then"
              + " the earliest resolve deadline), and the load of every available agent.")
  @GetMapping("/queue")
  AssignmentQueueDto queue() {
    return new AssignmentQueueDto(
        properties.enabled(),
        assignments.queueLength(),
        assignments.waitingQueue(QUEUE_SHOWN).stream()
            .map(t -> new WaitingTicketDto(t.number(), t.priority(), t.resolveDueAt()))
            .toList(),
        assignments.availableAgents().stream()
            .map(
                a ->
                    new AgentLoadDto(
                        a.id(), a.displayName(), a.load(), a.capacity(), a.idleSince()))
            .toList());
  }
}
