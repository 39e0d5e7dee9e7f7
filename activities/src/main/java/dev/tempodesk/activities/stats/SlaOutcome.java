package dev.tempodesk.activities.stats;

import dev.tempodesk.workflows.ticket.SlaMetric;
import java.time.Instant;

/**
 * One instance of an SLA metric on a ticket, as the compliance statistics count it.
 *
 * @param cycle which instance: 0 for the first response and the assignment; for a next reply the
 *     number of agent replies before the one answering; for resolution the number of earlier
 *     closings
 * @param agentId who fulfilled it (the replier, the closer, the assigner), or the assignee at the
 *     breach if it is not fulfilled; null when there is none
 * @param countedAt the fulfilment, or the breach if it is not fulfilled: the hour it counts in
 * @param met fulfilled with no breach of its metric before
 */
public record SlaOutcome(
    long ticketNumber,
    SlaMetric metric,
    int cycle,
    Long agentId,
    Instant countedAt,
    boolean fulfilled,
    boolean met) {}
