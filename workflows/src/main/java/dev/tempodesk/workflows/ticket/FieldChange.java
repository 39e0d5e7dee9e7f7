package dev.tempodesk.workflows.ticket;

/** One field of a ticket before and after a change, as shown in the audit trail. */
public record FieldChange(String field, String from, String to) {}
