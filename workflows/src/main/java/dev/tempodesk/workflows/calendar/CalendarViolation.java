package dev.tempodesk.workflows.calendar;

/**
 * One reason a calendar is refused, with the field it is about in the request's own terms, e.g.
 * {@code hours.MONDAY[1].end} or {@code holidays[3]}.
 */
public record CalendarViolation(String field, String message) {}
