package dev.tempodesk.workflows.bulk;

import java.util.List;

/**
 * Tickets of a bulk action to change, one after the other.
 *
 * @param lastAttempt a ticket that fails again is recorded as refused with the error, not reported
 *     back for another attempt
 */
public record BulkBatch(long actionId, List<Long> tickets, boolean lastAttempt) {}
