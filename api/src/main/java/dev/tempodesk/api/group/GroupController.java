package dev.tempodesk.api.group;

import dev.tempodesk.api.group.GroupDtos.GroupDto;
import dev.tempodesk.api.group.GroupDtos.GroupRequest;
import dev.tempodesk.api.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Groups (issue 21): the queues a team splits into. Every staff member reads them; admins create,
 * change and delete them. A ticket moves between groups with {@code PATCH /api/tickets/{number}}
 * and {@code groupId}.
 */
@RestController
@RequestMapping("/api/groups")
@Tag(name = "Groups")
class GroupController {
  private final Groups groups;
  private final CurrentActor actor;

  GroupController(Groups groups, CurrentActor actor) {
    this.groups = groups;
    this.actor = actor;
  }

  @GetMapping
  @Operation(
      operationId = "listGroups",
      summary = "Every group with its members, default SLA policy and open tickets")
  List<GroupDto> list(
      @Parameter(description = "Only the signed-in agent's groups")
          @RequestParam(defaultValue = "false")
          boolean mine) {
    return groups.list(mine ? actor.required().id() : null);
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getGroup")
  GroupDto get(@PathVariable long id) {
    return groups.get(id);
  }

  @PostMapping
  @Operation(
      operationId = "createGroup",
      summary = "Create a group (admins)",
      description =
          "422 naming the field: a blank name, an unknown agent in members, an unknown"
              + " defaultSlaPolicyId, a negative skillWaitSeconds. 409 naming name: the name is"
              + " taken (case-insensitive).")
  ResponseEntity<GroupDto> create(@RequestBody GroupRequest request) {
    GroupDto created = groups.create(request);
    return ResponseEntity.created(URI.create("/api/groups/" + created.id())).body(created);
  }

  @PatchMapping("/{id}")
  @Operation(
      operationId = "updateGroup",
      summary = "Change a group (admins); absent fields stay, members replace the membership",
      description = "Refusals as on create.")
  GroupDto update(@PathVariable long id, @RequestBody GroupRequest request) {
    return groups.change(id, request);
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "deleteGroup",
      summary = "Delete a group that holds no ticket (admins)",
      description =
          "409 naming id: the default group. 409 naming tickets (with their count): the group"
              + " still has tickets; move them first, each an ordinary ticket update with a"
              + " comment (a bulk action over GET /api/tickets?groupId=N with changes.groupId).")
  ResponseEntity<Void> delete(@PathVariable long id) {
    groups.delete(id);
    return ResponseEntity.noContent().build();
  }
}
