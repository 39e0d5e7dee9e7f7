package dev.tempodesk.api.lifecycle;

import dev.tempodesk.workflows.assignment.AssignerInput;
import dev.tempodesk.workflows.assignment.AssignmentPassResult;
import java.time.Duration;
import java.time.Instant;

/** The auto-assigner in plain words: wake-ups, assignment passes, its two timers. */
final class AssignerVocabulary implements Vocabulary {
  private AssignerInput input;

  @Override
  public void started(Payloads.Values values) {
    input = values.first(AssignerInput.class);
  }

  @Override
  public String signal(String name, Payloads.Values values) {
    return "wake".equals(name)
        ? "Woken: a ticket started waiting or an agent's capacity changed"
        : "Signal " + name + " received";
  }

  @Override
  public String updateApplied(String name, Payloads.Values args, Payloads.Values result) {
    return "Update " + name + " applied";
  }

  @Override
  public String updateRequest(String name, Payloads.Values args) {
    return "Update " + name;
  }

  @Override
  public String activity(String type, Payloads.Values values) {
    return "AssignWaitingTickets".equals(type)
        ? "Assignment pass: give waiting tickets to available agents"
        : "Activity " + type;
  }

  @Override
  public String outcome(String type, Payloads.Values result) {
    AssignmentPassResult pass =
        "AssignWaitingTickets".equals(type) ? result.first(AssignmentPassResult.class) : null;
    return pass == null
        ? null
        : "%d assigned, %d still waiting".formatted(pass.assigned(), pass.waiting());
  }

  @Override
  public String timer(Duration delay, Instant deadline) {
    if (input != null && delay.equals(input.retryAfter())) {
      return "retry: tickets were left unsettled, try again shortly";
    }
    if (input != null && delay.equals(input.safetyNet())) {
      return "safety net: a pass even if nobody wakes the assigner";
    }
    return "the next assignment pass";
  }
}
