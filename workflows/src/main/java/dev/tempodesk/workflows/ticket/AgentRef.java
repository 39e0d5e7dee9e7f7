package dev.tempodesk.workflows.ticket;

/**
 * An agent as the caller found it in the directory when it sent the request. Workflow code cannot
 * read the database, so the caller resolves the id and the workflow checks the facts.
 */
public record AgentRef(long id, String displayName, boolean active) {}
