package dev.tempodesk.workflows.assignment;

/**
 * What one pass did.
 *
 * @param assigned tickets the ticket workflows accepted an assignment for
 * @param refused assignments a ticket workflow refused (the ticket changed meanwhile); the ticket
 *     is back in the queue if it still waits
 * @param unsettled assignments whose outcome is unknown (Temporal unreachable); their reservation
 *     stays and the next pass settles them
 * @param waiting tickets still waiting after the pass
 */
public record AssignmentPassResult(int assigned, int refused, int unsettled, int waiting) {}
