package dev.tempodesk.workflows.ticket;

import java.time.Instant;
import java.util.List;

/**
 * An entry of the audit trail. The id is generated in workflow code, so a retried write of the same
 * event is recognised and stored once.
 */
public record TicketEvent(
    String id,
    Kind kind,
    Actor actor,
    String comment,
    List<FieldChange> changes,
    Instant occurredAt) {

  public enum Kind {
    CREATED,
    UPDATED,
    RESUMED_BY_CUSTOMER,
    REOPENED_BY_CUSTOMER,
    PENDING_EXPIRED,
    CLOSED_FOR_NO_RESPONSE,
    SLA_WARNING,
    SLA_BREACHED,
    /** An agent's reply was queued for sending. */
    REPLIED,
    NOTE_ADDED,
    /** A FAILED reply was queued again by an agent. */
    REPLY_RETRIED,
    /** A reply or acknowledgement could not be sent (written by the sender). */
    REPLY_FAILED,
    /** The acknowledgement of a new ticket was queued (written by the sender). */
    ACKNOWLEDGEMENT_QUEUED,
    /**
     * An SLA policy was applied (issue 18): at the start ({@code SLA policy "<name>" applied}), or
     * re-applied after a priority change or a recalculation ({@code SLA recalculated: <reason>}).
     */
    SLA_POLICY_APPLIED,
    /**
     * A customer message now waits for an agent's reply and started the next-reply clock (issue
     * 18); written by the workflow, actor the customer. Not a new ticket version.
     */
    AWAITING_REPLY,
    /**
     * A routing rule chose the new ticket's group (issue 21): written with CREATED, actor the
     * system; the comment names the rule and what matched, the changes the group, priority and tags
     * it set. Not a new ticket version.
     */
    ROUTED
  }
}
