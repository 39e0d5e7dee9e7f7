package dev.tempodesk.workflows.ticket;

import java.util.List;

/**
 * An internal note: shown to agents in the thread, never mailed.
 *
 * @param attachments files kept with the note (null in histories from before attachments)
 */
public record NoteRequest(Actor actor, String body, boolean html, List<AttachedFile> attachments) {

  public NoteRequest(Actor actor, String body, boolean html) {
    this(actor, body, html, List.of());
  }
}
