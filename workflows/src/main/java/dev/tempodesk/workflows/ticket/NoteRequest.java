package dev.tempodesk.workflows.ticket;

/** An internal note: shown to agents in the thread, never mailed. */
public record NoteRequest(Actor actor, String body, boolean html) {}
