package dev.tempodesk.api.macro;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.macro.MacroDtos.MacroDto;
import dev.tempodesk.api.macro.MacroDtos.MacroRequest;
import dev.tempodesk.api.macro.MacroDtos.MacroUpdate;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.MacrosRecord;
import dev.tempodesk.db.macro.MacroRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.Priority;
import dev.tempodesk.workflows.ticket.Resolution;
import dev.tempodesk.workflows.ticket.TicketStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Macros (issue 19): who sees and writes which (shared ones: all staff see them, admins and
 * managers write them; personal ones: only their owner), the checks of a macro before it is saved,
 * and what one does to a ticket for one agent ({@link #update}; its placeholders' values: {@link
 * PlaceholderValues}).
 */
@Service
public class Macros {
  static final int MAX_NAME = 200;
  static final int MAX_TEXT = 100_000;
  static final int MAX_TAGS = 50;
  static final int MAX_TAG = 100;

  private final MacroRepository repository;
  private final AgentRepository agents;

  Macros(MacroRepository repository, AgentRepository agents) {
    this.repository = repository;
    this.agents = agents;
  }

  public List<MacroDto> list(SignedInUser user) {
    List<MacrosRecord> rows = repository.visibleTo(user.id());
    Map<Long, String> names =
        agents.listAll().stream()
            .collect(Collectors.toMap(AgentsRecord::getId, AgentsRecord::getDisplayName));
    return rows.stream().map(row -> dto(row, user, names::get)).toList();
  }

  /** A macro {@code user} may see: shared, or their own; else 404 naming {@code field}. */
  public MacrosRecord visible(long id, SignedInUser user, String field) {
    return repository
        .find(id)
        .filter(row -> row.getOwnerId() == null || row.getOwnerId() == user.id())
        .orElseThrow(() -> FieldException.notFound(field, "There is no macro #" + id + "."));
  }

  public MacroDto get(long id, SignedInUser user) {
    return dto(visible(id, user, "id"), user);
  }

  public MacroDto create(MacroRequest request, SignedInUser user) {
    MacrosRecord row = checked(request, user);
    return dto(save(row), user);
  }

  public MacroDto replace(long id, MacroRequest request, SignedInUser user) {
    MacrosRecord before = editable(id, user);
    MacrosRecord row = checked(request, user);
    row.setId(before.getId());
    return dto(save(row), user);
  }

  public void delete(long id, SignedInUser user) {
    editable(id, user);
    if (!repository.delete(id)) {
      throw new NotFoundException("There is no macro #" + id + ".");
    }
  }

  private MacrosRecord save(MacrosRecord row) {
    try {
      return repository.save(row);
    } catch (DuplicateKeyException taken) {
      throw FieldException.conflict(
          "name",
          (row.getOwnerId() == null ? "A shared" : "One of your")
              + " macros is already called \""
              + row.getName()
              + "\".");
    }
  }

  private MacrosRecord editable(long id, SignedInUser user) {
    MacrosRecord row = visible(id, user, "id");
    if (row.getOwnerId() == null && !manages(user)) {
      throw FieldException.forbidden(
          "shared", "Only admins and managers change shared macros; copy it as a personal one.");
    }
    return row;
  }

  private static boolean manages(SignedInUser user) {
    return user.role() == Role.ADMIN || user.role() == Role.MANAGER;
  }

  /** The macro as a row, refused (4xx naming the field) unless it holds together. */
  private MacrosRecord checked(MacroRequest request, SignedInUser user) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty()) {
      throw FieldException.invalid("name", "A macro needs a name.");
    }
    if (name.length() > MAX_NAME) {
      throw FieldException.invalid("name", "At most " + MAX_NAME + " characters.");
    }
    boolean shared = Boolean.TRUE.equals(request.shared());
    if (shared && !manages(user)) {
      throw FieldException.forbidden(
          "shared", "Only admins and managers write shared macros; make it personal.");
    }
    String reply = text("replyText", request.replyText());
    String note = text("note", request.note());
    checkStatus(request);
    boolean toApplier = Boolean.TRUE.equals(request.assignToApplier());
    if (toApplier && request.assigneeId() != null) {
      throw FieldException.invalid(
          "assignToApplier", "Either an agent (assigneeId) or the applying agent, not both.");
    }
    if (request.assigneeId() != null) {
      AgentsRecord agent =
          agents
              .find(request.assigneeId())
              .orElseThrow(
                  () ->
                      FieldException.invalid(
                          "assigneeId", "There is no agent #" + request.assigneeId() + "."));
      if (!agent.getActive()) {
        throw FieldException.invalid(
            "assigneeId", "Agent #" + agent.getId() + " is deactivated and cannot take tickets.");
      }
    }
    List<String> add = tags("addTags", request.addTags());
    List<String> remove = tags("removeTags", request.removeTags());
    MacrosRecord row = new MacrosRecord();
    row.setName(name);
    row.setOwnerId(shared ? null : user.id());
    row.setReplyText(reply);
    row.setNote(note);
    row.setStatus(nameOf(request.status()));
    row.setPendingReason(nameOf(request.pendingReason()));
    row.setPendingFor(request.pendingFor() == null ? null : request.pendingFor().toString());
    row.setResolution(nameOf(request.resolution()));
    row.setPriority(nameOf(request.priority()));
    row.setAssignTo(toApplier ? "APPLIER" : request.assigneeId() != null ? "AGENT" : null);
    row.setAssigneeId(request.assigneeId());
    row.setAddTags(add.toArray(String[]::new));
    row.setRemoveTags(remove.toArray(String[]::new));
    return row;
  }

  /** The status part must make sense on its own; the ticket's own rules apply when it is used. */
  private static void checkStatus(MacroRequest request) {
    boolean pending = request.status() == TicketStatus.PENDING;
    if (pending && request.pendingReason() == null) {
      throw FieldException.invalid(
          "pendingReason",
          "Status PENDING needs a pending reason (CUSTOMER, THIRD_PARTY, CHANGE or CLOSE).");
    }
    if (pending && request.pendingFor() == null) {
      throw FieldException.invalid("pendingFor", "Status PENDING needs a duration, e.g. P2D.");
    }
    if (!pending && request.pendingReason() != null) {
      throw FieldException.invalid(
          "pendingReason", "A pending reason only goes with status PENDING.");
    }
    if (!pending && request.pendingFor() != null) {
      throw FieldException.invalid(
          "pendingFor", "A pending duration only goes with status PENDING.");
    }
    if (request.pendingFor() != null
        && (request.pendingFor().isNegative() || request.pendingFor().isZero())) {
      throw FieldException.invalid("pendingFor", "The pending duration must be positive.");
    }
    if (request.resolution() != null && request.status() != TicketStatus.CLOSED) {
      throw FieldException.invalid("resolution", "A resolution only goes with status CLOSED.");
    }
  }

  private static String text(String field, String value) {
    if (value == null) {
      return "";
    }
    if (value.length() > MAX_TEXT) {
      throw FieldException.invalid(field, "At most " + MAX_TEXT + " characters.");
    }
    Placeholders.check(field, value);
    return value.isBlank() ? "" : value;
  }

  private static List<String> tags(String field, List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.size() > MAX_TAGS) {
      throw FieldException.invalid(field, "At most " + MAX_TAGS + " tags.");
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i) == null ? "" : tags.get(i).strip();
      if (tag.isEmpty() || tag.length() > MAX_TAG) {
        throw FieldException.invalid(
            field + "[" + i + "]", "A tag of 1 to " + MAX_TAG + " characters, please.");
      }
      kept.add(tag);
    }
    return kept;
  }

  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private MacroDto dto(MacrosRecord row, SignedInUser user) {
    return dto(row, user, id -> agents.find(id).map(AgentsRecord::getDisplayName).orElse(null));
  }

  private static MacroDto dto(MacrosRecord row, SignedInUser user, Function<Long, String> names) {
    return new MacroDto(
        row.getId(),
        row.getName(),
        row.getOwnerId() == null,
        row.getOwnerId(),
        row.getReplyText(),
        row.getNote(),
        row.getStatus() == null ? null : TicketStatus.valueOf(row.getStatus()),
        row.getPendingReason() == null ? null : PendingReason.valueOf(row.getPendingReason()),
        row.getPendingFor() == null ? null : Duration.parse(row.getPendingFor()),
        row.getResolution() == null ? null : Resolution.valueOf(row.getResolution()),
        row.getPriority() == null ? null : Priority.valueOf(row.getPriority()),
        row.getAssigneeId(),
        row.getAssigneeId() == null ? null : names.apply(row.getAssigneeId()),
        "APPLIER".equals(row.getAssignTo()),
        Arrays.asList(row.getAddTags()),
        Arrays.asList(row.getRemoveTags()),
        row.getOwnerId() != null || manages(user),
        row.getCreatedAt(),
        row.getUpdatedAt());
  }

  /**
   * What the macro changes when {@code applier} uses it: the PATCH body with the comment "Macro:
   * name". An assignee deleted since the macro was saved is left out (the rest still applies).
   */
  public static MacroUpdate update(MacrosRecord macro, SignedInUser applier) {
    Long assignee =
        "APPLIER".equals(macro.getAssignTo())
            ? Long.valueOf(applier.id())
            : "AGENT".equals(macro.getAssignTo()) ? macro.getAssigneeId() : null;
    return new MacroUpdate(
        "Macro: " + macro.getName(),
        macro.getStatus() == null ? null : TicketStatus.valueOf(macro.getStatus()),
        macro.getPriority() == null ? null : Priority.valueOf(macro.getPriority()),
        assignee,
        macro.getPendingReason() == null ? null : PendingReason.valueOf(macro.getPendingReason()),
        macro.getPendingFor() == null ? null : Duration.parse(macro.getPendingFor()),
        macro.getResolution() == null ? null : Resolution.valueOf(macro.getResolution()),
        emptyToNull(macro.getAddTags()),
        emptyToNull(macro.getRemoveTags()));
  }

  private static List<String> emptyToNull(String[] tags) {
    return tags == null || tags.length == 0 ? null : List.of(tags);
  }
}
