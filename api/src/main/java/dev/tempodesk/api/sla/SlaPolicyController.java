package dev.tempodesk.api.sla;

import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicy;
import dev.tempodesk.workflows.ticket.SlaTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA targets this deployment runs with (configuration, DESIGN.md section 4). Meant for admins;
 * the access rule is the sign-in work's to add.
 */
@RestController
@RequestMapping("/api/sla-policies")
@Tag(name = "SLA")
class SlaPolicyController {
  /** Targets of one priority, as ISO-8601 durations and in seconds; warnings fire at 80 %. */
  record SlaPolicyDto(
      Priority priority,
      String toAssign,
      String toResolve,
      long toAssignSeconds,
      long toResolveSeconds) {}

  private final SlaPolicy policy;

  SlaPolicyController(SlaPolicy policy) {
    this.policy = policy;
  }

  @GetMapping
  @Operation(
      operationId = "listSlaPolicies",
      summary = "SLA targets per priority, most urgent first")
  List<SlaPolicyDto> list() {
    return Arrays.stream(Priority.values())
        .sorted((a, b) -> b.compareTo(a))
        .map(
            priority -> {
              SlaTargets targets = policy.targetsFor(priority);
              return new SlaPolicyDto(
                  priority,
                  targets.toAssign().toString(),
                  targets.toResolve().toString(),
                  targets.toAssign().toSeconds(),
                  targets.toResolve().toSeconds());
            })
        .toList();
  }
}
