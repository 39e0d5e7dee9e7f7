package dev.tempodesk.workflows.assignment;

import java.time.Instant;

/**
 * What one pass did.
 *
 * @param assigned tickets the ticket workflows accepted an assignment for
 * @param refused assignments a ticket workflow refused (the ticket changed meanwhile); the ticket
 *     is back in the queue if it still waits
 * @param unsettled assignments whose outcome is unknown (Temporal unreachable); their reservation
 *     stays and the next pass settles them
 * @param waiting tickets still waiting after the pass
 * @param nextSkillFallback when a ticket now waiting for a skilled member may next go to any member
 *     of its group, so the assigner passes again then; null when none waits for one (and in results
 *     recorded before skills)
 */
public record AssignmentPassResult(
    int assigned, int refused, int unsettled, int waiting, Instant nextSkillFallback) {}
