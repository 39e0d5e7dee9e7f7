package dev.tempodesk.api.ticket;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.macro.MacroDtos.MacroPreviewDto;
import dev.tempodesk.api.macro.MacroDtos.MacroUpdate;
import dev.tempodesk.api.macro.Macros;
import dev.tempodesk.api.macro.PlaceholderValues;
import dev.tempodesk.api.macro.Placeholders;
import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.db.jooq.tables.records.MacroApplicationsRecord;
import dev.tempodesk.db.jooq.tables.records.MacrosRecord;
import dev.tempodesk.db.macro.MacroRepository;
import dev.tempodesk.db.message.OutboundMessageRepository;
import dev.tempodesk.db.ticket.TicketRepository;
import dev.tempodesk.db.ticket.TicketView;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A macro applied to a ticket (issue 19): rendered for the ticket page to fill in ({@link
 * #preview}), or applied in one step ({@link #apply}, also the entry for bulk actions).
 *
 * <p>Apply order: <b>the change first, then the reply, then the note</b>. The change goes through
 * {@link TicketCommands#update} under the PATCH rules and assignment rights, with the comment
 * "Macro: name" (one audit event); if it is refused, nothing is sent and the answer is the PATCH's
 * 4xx naming the field. The reply goes through {@link ReplyCommands#reply}, the note through {@link
 * ReplyCommands#note}.
 *
 * <p>Under an {@code Idempotency-Key} the agent's first request claims the key; a repeat with the
 * same key returns the first result (replayed) and changes nothing, a repeat while the first still
 * runs is refused (409), and a key used for another ticket or macro is refused (422). A refused
 * apply gives its key back, so the agent can fix the cause and retry with it.
 */
@Service
public class MacroCommands {
  static final int MAX_KEY = 255;
  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};
  private static final TypeReference<List<String>> FIXES = new TypeReference<>() {};

  private final Macros macros;
  private final MacroRepository repository;
  private final TicketRepository tickets;
  private final OutboundMessageRepository messages;
  private final TicketCommands commands;
  private final ReplyCommands replies;
  private final AssignmentRights assignmentRights;
  private final PlaceholderValues placeholders;
  private final JsonMapper json;
  private final VisibleTickets visible;
  private final Clock clock;
  private final CurrentActor currentActor;

  MacroCommands(
      Macros macros,
      MacroRepository repository,
      TicketRepository tickets,
      OutboundMessageRepository messages,
      TicketCommands commands,
      ReplyCommands replies,
      AssignmentRights assignmentRights,
      PlaceholderValues placeholders,
      JsonMapper json,
      VisibleTickets visible,
      Clock clock,
      CurrentActor currentActor) {
    this.visible = visible;
    this.macros = macros;
    this.repository = repository;
    this.tickets = tickets;
    this.messages = messages;
    this.commands = commands;
    this.replies = replies;
    this.assignmentRights = assignmentRights;
    this.placeholders = placeholders;
    this.json = json;
    this.clock = clock;
    this.currentActor = currentActor;
  }

  /** The macro rendered for ticket #number and {@code agent}; changes nothing. */
  public MacroPreviewDto preview(long number, long macroId, SignedInUser agent) {
    MacrosRecord macro = macros.visible(macroId, agent, "id");
    visible.require(agent, number);
    TicketView ticket = ticket(number);
    Placeholders.Values values = placeholders.of(ticket, agent.displayName(), agent.email());
    return new MacroPreviewDto(
        macro.getId(),
        macro.getName(),
        Placeholders.render(macro.getReplyText(), values),
        Placeholders.render(macro.getNote(), values),
        Macros.update(macro, agent));
  }

  /**
   * Applies macro #macroId to ticket #number as {@code agent}: change, reply, note.
   *
   * @param idempotencyKey null, or the client's key for this application (see the class comment)
   */
  public MacroApplyResponse apply(
      long number, long macroId, SignedInUser agent, String idempotencyKey) {
    return apply(number, macroId, agent, currentActor.of(agent), idempotencyKey);
  }

  /**
   * As {@link #apply(long, long, SignedInUser, String)}, named in the audit trail as {@code actor}
   * (a bulk action's starter, outside the request that started it).
   */
  public MacroApplyResponse apply(
      long number, long macroId, SignedInUser agent, Actor actor, String idempotencyKey) {
    MacrosRecord macro = macros.visible(macroId, agent, "id");
    visible.require(agent, number);
    if (idempotencyKey == null) {
      return run(number, macro, agent, actor, new Progress());
    }
    String key = idempotencyKey.strip();
    if (key.isEmpty() || key.length() > MAX_KEY) {
      throw FieldException.invalid(
          "Idempotency-Key", "A key of 1 to " + MAX_KEY + " characters, please.");
    }
    if (!repository.claim(agent.id(), key, number, macroId)) {
      return replay(agent, key, number, macroId);
    }
    Progress progress = new Progress();
    try {
      MacroApplyResponse result = run(number, macro, agent, actor, progress);
      finish(agent, key, progress);
      return result;
    } catch (RuntimeException refused) {
      if (progress.nothingDone()) {
        repository.release(agent.id(), key);
      } else {
        finish(agent, key, progress); // a repeat must not change the ticket a second time
      }
      throw refused;
    }
  }

  /** What an application has done so far, kept for repeats under its key. */
  private static final class Progress {
    List<FieldChange> changes = new ArrayList<>();
    List<String> autoFixes = new ArrayList<>();
    boolean changed;
    UUID reply;
    UUID note;

    boolean nothingDone() {
      return !changed && reply == null && note == null;
    }
  }

  private MacroApplyResponse run(
      long number, MacrosRecord macro, SignedInUser agent, Actor actor, Progress progress) {
    Placeholders.Values values =
        placeholders.of(ticket(number), agent.displayName(), agent.email());
    String reply = Placeholders.render(macro.getReplyText(), values);
    if (!macro.getReplyText().isBlank() && reply.isBlank()) {
      throw FieldException.invalid(
          "replyText",
          "The macro's reply is empty for this ticket once its placeholders are filled.");
    }
    String note = Placeholders.render(macro.getNote(), values);
    MacroUpdate update = Macros.update(macro, agent);
    if (update.changesSomething()) {
      TicketPatchRequest patch = update.toPatch();
      assignmentRights.checkChange(agent, number, patch);
      TicketUpdateResponse changed = commands.update(number, patch, actor);
      progress.changed = true;
      progress.changes.addAll(changed.changes());
      progress.autoFixes.addAll(changed.autoFixes());
    }
    MessageDto replied = null;
    if (!reply.isBlank()) {
      ReplyResponse sent =
          replies.reply(
              number,
              new ReplyBody(reply, ReplyBody.BodyFormat.TEXT, null, null),
              actor,
              List.of());
      replied = sent.message();
      progress.reply = replied.id();
      progress.changes.addAll(sent.changes());
    }
    MessageDto noted = null;
    if (!note.isBlank()) {
      noted = replies.note(number, new NoteBody(note, ReplyBody.BodyFormat.TEXT), actor, List.of());
      progress.note = noted.id();
    }
    return new MacroApplyResponse(
        TicketDto.from(ticket(number), clock.instant()),
        replied,
        noted,
        List.copyOf(progress.changes),
        List.copyOf(progress.autoFixes),
        false);
  }

  private void finish(SignedInUser agent, String key, Progress progress) {
    repository.finish(
        agent.id(),
        key,
        progress.reply,
        progress.note,
        json.writeValueAsString(progress.changes),
        json.writeValueAsString(progress.autoFixes));
  }

  private MacroApplyResponse replay(SignedInUser agent, String key, long number, long macroId) {
    MacroApplicationsRecord first = repository.application(agent.id(), key).orElseThrow();
    if (first.getTicketNumber() != number || first.getMacroId() != macroId) {
      throw FieldException.invalid(
          "Idempotency-Key",
          "This key was used to apply macro #"
              + first.getMacroId()
              + " to ticket #"
              + first.getTicketNumber()
              + "; use a new key for another application.");
    }
    if (!first.getDone()) {
      throw FieldException.conflict(
          "Idempotency-Key", "The first request with this key is still running; try again.");
    }
    return new MacroApplyResponse(
        TicketDto.from(ticket(number), clock.instant()),
        message(number, first.getReplyMessageId()),
        message(number, first.getNoteMessageId()),
        json.readValue(first.getChanges().data(), CHANGES),
        json.readValue(first.getAutoFixes().data(), FIXES),
        true);
  }

  private MessageDto message(long number, UUID id) {
    return id == null ? null : messages.find(number, id).map(MessageDto::from).orElse(null);
  }

  private TicketView ticket(long number) {
    return tickets.findView(number).orElseThrow(() -> TicketRefusals.noSuchTicket(number));
  }
}
