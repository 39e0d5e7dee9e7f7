package dev.tempodesk.workflows.sla;

/** A ticket that could not be signalled, with the last error. */
public record FailedSignal(long ticket, String reason) {}
