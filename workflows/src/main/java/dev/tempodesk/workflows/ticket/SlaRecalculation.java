package dev.tempodesk.workflows.ticket;

/**
 * Asks a ticket workflow to look its SLA policy up again and re-time its clocks (issue 18): sent
 * after an admin edited a policy or calendar that governs the ticket. {@code reason} goes into the
 * audit entry, e.g. {@code SLA recalculated: policy "Enterprise" changed}.
 */
public record SlaRecalculation(String reason) {}
