package dev.tempodesk.api.sla;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.sla.SlaPolicyDtos.OrderRequest;
import dev.tempodesk.api.sla.SlaPolicyDtos.PolicyDto;
import dev.tempodesk.api.sla.SlaPolicyDtos.PolicyRequest;
import dev.tempodesk.db.jooq.tables.records.SlaPoliciesRecord;
import dev.tempodesk.db.sla.SlaPolicyRepository;
import dev.tempodesk.workflows.sla.RecalculationProgress;
import dev.tempodesk.workflows.ticket.Channel;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.SlaPolicyRules;
import dev.tempodesk.workflows.ticket.SlaPolicyRules.TicketFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA policies (issue 18, Zendesk's model): an ordered list, the first policy whose conditions a
 * ticket meets governs it. Admins write them, all staff read them. A write that can change how live
 * tickets are timed starts their recalculation ({@link SlaChange}, {@link SlaRecalculations}) and
 * names it in the {@value SlaRecalculations#HEADER} response header. The seeded Default follows the
 * configured targets until an admin edits it ({@link ConfiguredDefaultPolicy}).
 */
@RestController
@RequestMapping("/api/sla-policies")
@Tag(name = "SLA")
class SlaPolicyController {
  private final SlaPolicyRepository repository;
  private final SlaPolicies policies;
  private final SlaRecalculations recalculations;
  private final Clock clock;

  SlaPolicyController(
      SlaPolicyRepository repository,
      SlaPolicies policies,
      SlaRecalculations recalculations,
      Clock clock) {
    this.repository = repository;
    this.policies = policies;
    this.recalculations = recalculations;
    this.clock = clock;
  }

  @GetMapping
  @Operation(operationId = "listSlaPolicies", summary = "SLA policies in the order they are tried")
  List<PolicyDto> list() {
    return repository.listInOrder().stream().map(this::dto).toList();
  }

  @GetMapping("/match")
  @Operation(
      operationId = "matchSlaPolicy",
      summary = "The policy a ticket with these facts gets: the first by position that matches",
      description = "404 when no policy matches. A fact left out is one the ticket does not have.")
  PolicyDto match(
      @Parameter(description = "The reporter's organization") @RequestParam(required = false)
          Long organizationId,
      @RequestParam(required = false) Priority priority,
      @RequestParam(required = false) Channel channel,
      @Parameter(description = "The mailbox the ticket came in through")
          @RequestParam(required = false)
          Long mailboxId) {
    return policies
        .match(new TicketFacts(organizationId, priority, channel, mailboxId))
        .map(this::dto)
        .orElseThrow(() -> new NotFoundException("No SLA policy matches such a ticket."));
  }

  @PostMapping
  @Operation(operationId = "createSlaPolicy", description = RECALCULATES_ALL)
  ResponseEntity<PolicyDto> create(@RequestBody PolicyRequest request) {
    SlaPolicyRules policy = policies.parse(request);
    SlaPoliciesRecord created;
    try {
      created = repository.insert(policy.name(), request.position(), policies.rules(policy));
    } catch (DuplicateKeyException taken) {
      throw nameTaken(policy.name());
    }
    String recalculation =
        recalculations.start(SlaChange.policyAdded(created.getId(), created.getName()));
    return ResponseEntity.created(URI.create("/api/sla-policies/" + created.getId()))
        .header(SlaRecalculations.HEADER, recalculation)
        .body(dto(created));
  }

  @PutMapping("/{id}")
  @Operation(
      operationId = "replaceSlaPolicy",
      summary = "Replace a policy's name, calendar, conditions, targets and pause rules",
      description =
          "New conditions recalculate every live ticket; a new calendar, targets or pause rules"
              + " those the policy governs; a rename none. "
              + RECALCULATION_HEADER)
  PolicyDto replace(
      @PathVariable long id, @RequestBody PolicyRequest request, HttpServletResponse response) {
    SlaPoliciesRecord current = policies.row(id);
    SlaPolicyRules before = policies.valueOf(current);
    boolean followedConfiguration = Boolean.TRUE.equals(current.getFollowsConfiguration());
    SlaPolicyRules policy = policies.parse(request);
    SlaPoliciesRecord updated;
    try {
      updated =
          repository
              .update(id, policy.name(), policies.rules(policy))
              .orElseThrow(() -> new NotFoundException("There is no SLA policy #" + id + "."));
    } catch (DuplicateKeyException taken) {
      throw nameTaken(policy.name());
    }
    recalculations.start(
        SlaChange.policyReplaced(
            id,
            before,
            policies.valueOf(updated),
            followedConfiguration,
            updated.getUpdatedAt().toInstant()),
        response);
    return dto(updated);
  }

  @PutMapping("/order")
  @Operation(
      operationId = "reorderSlaPolicies",
      summary = "Put the policies in this order; give every policy's id once",
      description = RECALCULATES_ALL)
  List<PolicyDto> reorder(@RequestBody OrderRequest request, HttpServletResponse response) {
    List<Long> before = repository.listInOrder().stream().map(SlaPoliciesRecord::getId).toList();
    if (request.ids() == null || !repository.reorder(request.ids())) {
      throw FieldException.invalid(
          "ids", "List every SLA policy's id exactly once, in the order they should be tried.");
    }
    recalculations.start(SlaChange.reordered(before, request.ids(), clock.instant()), response);
    return list();
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "deleteSlaPolicy",
      description = "Recalculates the live tickets the policy governed. " + RECALCULATION_HEADER)
  ResponseEntity<Void> delete(@PathVariable long id) {
    SlaPoliciesRecord row = policies.row(id);
    if (!repository.delete(id)) {
      throw new NotFoundException("There is no SLA policy #" + id + ".");
    }
    String recalculation = recalculations.start(SlaChange.policyRemoved(id, row.getName()));
    return ResponseEntity.noContent().header(SlaRecalculations.HEADER, recalculation).build();
  }

  @GetMapping("/recalculations/{id}")
  @Operation(
      operationId = "getSlaRecalculation",
      summary = "Progress of the recalculation a policy or calendar change started",
      description =
          "Live tickets signalled to recalculate their SLA clocks, skipped (their workflow had"
              + " ended) and failed after retries; finished once every ticket was tried.")
  RecalculationProgress recalculation(
      @Parameter(description = "The id from the Sla-Recalculation header of the change")
          @PathVariable
          String id) {
    return recalculations.progress(id);
  }

  private static final String RECALCULATION_HEADER =
      "A change that recalculates live tickets names its recalculation in the Sla-Recalculation"
          + " response header: GET /api/sla-policies/recalculations/{id}.";
  private static final String RECALCULATES_ALL =
      "Recalculates every live ticket, since the first match may now be another policy. "
          + RECALCULATION_HEADER;

  private PolicyDto dto(SlaPoliciesRecord row) {
    SlaPolicyRules policy = policies.valueOf(row);
    return new PolicyDto(
        row.getId(),
        row.getName(),
        row.getPosition(),
        row.getCalendarId(),
        SlaPolicies.conditions(policy.conditions()),
        SlaPolicies.targets(policy),
        SlaPolicies.pauses(policy),
        row.getFollowsConfiguration(),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }

  private static FieldException nameTaken(String name) {
    return FieldException.conflict("name", "Another SLA policy is already called " + name + ".");
  }
}
