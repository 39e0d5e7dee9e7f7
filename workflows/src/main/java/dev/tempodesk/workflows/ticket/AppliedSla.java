package dev.tempodesk.workflows.ticket;

import dev.tempodesk.workflows.calendar.BusinessCalendar;

/**
 * The SLA policy governing a ticket, as its workflow holds it (issue 18): a copy of the policy's
 * rules and of its business calendar taken when the workflow looked the policy up, so that the
 * clocks are timed without I/O and a later edit reaches the ticket only through a recalculation.
 * {@code policyId} and {@code calendarId} are null for the configured defaults that govern a ticket
 * no policy matches.
 */
public record AppliedSla(
    Long policyId,
    String policyName,
    Long calendarId,
    String calendarName,
    SlaPolicyRules rules,
    BusinessCalendar calendar) {}
