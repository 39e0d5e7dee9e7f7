package dev.tempodesk.workflows.notification;

import dev.tempodesk.workflows.ticket.Priority;
import java.time.Instant;

/**
 * One reason to notify, decided by the ticket workflow.
 *
 * @param noticeId deterministic (derived from the workflow's audit event id), so a replayed or
 *     retried request and a duplicate trigger carry the same id; the dedupe keys start with it
 * @param detail what happened in words, e.g. {@code RESOLVE SLA BREACH}; may be null
 * @param assigneeId the assignee after the event, or null
 */
public record TicketNotice(
    String noticeId,
    NoticeKind kind,
    long ticketNumber,
    String subject,
    Priority priority,
    Long assigneeId,
    long reporterId,
    String detail,
    Instant occurredAt) {}
