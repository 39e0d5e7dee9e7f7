package dev.tempodesk.api.view;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.ticket.TicketListParams;
import dev.tempodesk.api.ticket.VisibleTickets;
import dev.tempodesk.api.view.SavedViewDtos.SavedViewDto;
import dev.tempodesk.api.view.SavedViewDtos.SavedViewRequest;
import dev.tempodesk.db.jooq.tables.records.SavedViewsRecord;
import dev.tempodesk.db.ticket.TicketAccess;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.view.SavedViewRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules of saved views: who sees and changes which, what a valid one is, and their live counts.
 * A personal view exists only for its owner (404 for anyone else); a shared one is read by all
 * staff and written by admins and managers.
 */
@Service
class SavedViews {
  static final int MAX_NAME_LENGTH = 80;
  static final int MAX_PERSONAL_VIEWS = 100;

  /**
   * The counts stop at this many tickets: at a million tickets an exact count of a broad view reads
   * every matching row on each refresh of the rail, a capped one at most this many.
   */
  static final int COUNT_CAP = 1000;

  private final SavedViewRepository views;
  private final TicketRepository tickets;
  private final JsonMapper json;
  private final VisibleTickets visible;

  SavedViews(
      SavedViewRepository views,
      TicketRepository tickets,
      JsonMapper json,
      VisibleTickets visible) {
    this.views = views;
    this.tickets = tickets;
    this.json = json;
    this.visible = visible;
  }

  List<SavedViewDto> visibleTo(SignedInUser me) {
    return views.visibleTo(me.id()).stream().map(row -> dto(row, me)).toList();
  }

  SavedViewDto get(long id, SignedInUser me) {
    return dto(visible(id, me), me);
  }

  SavedViewDto create(SavedViewRequest request, SignedInUser me) {
    boolean shared = Boolean.TRUE.equals(request.shared());
    if (shared && !manages(me)) {
      throw FieldException.forbidden("shared", "Only admins and managers share views.");
    }
    if (!shared
        && views.visibleTo(me.id()).stream().filter(v -> v.getOwnerId() != null).count()
            >= MAX_PERSONAL_VIEWS) {
      throw FieldException.conflict(
          "name", "You have " + MAX_PERSONAL_VIEWS + " views already; delete one first.");
    }
    SavedViewsRecord row =
        views.insert(
            name(request.name()),
            stored(params(request)),
            shared ? null : me.id(),
            position(request.position()),
            me.id());
    return dto(row, me);
  }

  SavedViewDto update(long id, SavedViewRequest request, SignedInUser me) {
    SavedViewsRecord row = editable(id, me);
    if (request.shared() != null && request.shared() != (row.getOwnerId() == null)) {
      throw FieldException.invalid(
          "shared", "A view stays shared or personal; save a new view instead.");
    }
    return dto(
        views.update(
            row.getId(),
            name(request.name()),
            stored(params(request)),
            position(request.position())),
        me);
  }

  void delete(long id, SignedInUser me) {
    views.delete(editable(id, me).getId());
  }

  private SavedViewsRecord visible(long id, SignedInUser me) {
    return views
        .find(id)
        .filter(row -> row.getOwnerId() == null || row.getOwnerId() == me.id())
        .orElseThrow(() -> new NotFoundException("No view " + id + "."));
  }

  private SavedViewsRecord editable(long id, SignedInUser me) {
    SavedViewsRecord row = visible(id, me);
    if (!mayEdit(row, me)) {
      throw FieldException.forbidden("id", "Only admins and managers change shared views.");
    }
    return row;
  }

  private static boolean mayEdit(SavedViewsRecord row, SignedInUser me) {
    return row.getOwnerId() == null ? manages(me) : row.getOwnerId() == me.id();
  }

  private static boolean manages(SignedInUser me) {
    return me.role() == Role.ADMIN || me.role() == Role.MANAGER;
  }

  private static String name(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
      throw FieldException.invalid(
          "name", "A view needs a name of 1 to " + MAX_NAME_LENGTH + " characters.");
    }
    return stripped;
  }

  private static Integer position(Integer position) {
    if (position != null && position < 0) {
      throw FieldException.invalid("position", "The position is 0 or more.");
    }
    return position;
  }

  private static TicketListParams params(SavedViewRequest request) {
    TicketListParams params = request.params();
    if (params == null) {
      throw FieldException.invalid("params", "A view needs its filter (params), {} for all.");
    }
    try {
      params.toFilter(null, TicketAccess.ALL);
    } catch (FieldException refused) {
      throw refused.within("params");
    }
    return params;
  }

  /** The parameters as stored: only those set, as they would appear in the list's URL. */
  private String stored(TicketListParams params) {
    ObjectNode node = (ObjectNode) json.valueToTree(params);
    List<String> unset =
        node.properties().stream()
            .filter(field -> isUnset(field.getValue()))
            .map(java.util.Map.Entry::getKey)
            .toList();
    node.remove(unset);
    return json.writeValueAsString(node);
  }

  private static boolean isUnset(JsonNode value) {
    return value.isNull()
        || (value.isBoolean() && !value.asBoolean())
        || (value.isArray() && value.isEmpty());
  }

  private SavedViewDto dto(SavedViewsRecord row, SignedInUser me) {
    TicketListParams params = json.readValue(row.getParams().data(), TicketListParams.class);
    int count = tickets.count(params.toFilter(me.id(), visible.access(me)), COUNT_CAP);
    return new SavedViewDto(
        row.getId(),
        row.getName(),
        params,
        row.getOwnerId() == null,
        mayEdit(row, me),
        row.getPosition(),
        count,
        count >= COUNT_CAP);
  }
}
