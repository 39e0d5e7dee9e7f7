package dev.tempodesk.workflows.ticket;

/**
 * A group (issue 21) as the caller found it when it sent the request: the workflow cannot read the
 * database, so the caller resolves the id and passes the name the audit trail shows.
 */
public record GroupRef(long id, String name) {}
