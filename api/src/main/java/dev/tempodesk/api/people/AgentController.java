package dev.tempodesk.api.people;

import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.db.people.AgentRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agents: employees read the list, admins add and change them. */
@RestController
@RequestMapping("/api/agents")
@Tag(name = "Agents")
class AgentController {
  private final AgentRepository agents;
  private final AgentAdministration administration;
  private final CurrentActor actor;

  AgentController(AgentRepository agents, AgentAdministration administration, CurrentActor actor) {
    this.agents = agents;
    this.administration = administration;
    this.actor = actor;
  }

  @GetMapping
  @Operation(operationId = "listAgents")
  List<AgentDto> list() {
    return agents.listAll().stream().map(AgentDto::from).toList();
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getAgent")
  AgentDto get(@PathVariable long id) {
    return AgentDto.from(
        agents.find(id).orElseThrow(() -> new NotFoundException("There is no agent #" + id + ".")));
  }

  @PostMapping
  @Operation(operationId = "createAgent", summary = "Add an agent (admins)")
  ResponseEntity<AgentDto> create(@Valid @RequestBody AgentRequests.Create request) {
    AgentDto created = AgentDto.from(administration.create(request));
    return ResponseEntity.created(URI.create("/api/agents/" + created.id())).body(created);
  }

  @PatchMapping("/{id}")
  @Operation(
      operationId = "updateAgent",
      summary = "Change an agent (admins)",
      description =
          "Deactivating (active=false) unassigns the agent's open tickets through their workflows:"
              + " they become NEW and wait for auto-assignment.")
  AgentDto update(@PathVariable long id, @Valid @RequestBody AgentRequests.Patch patch) {
    return AgentDto.from(administration.update(id, patch, actor.get()));
  }
}
