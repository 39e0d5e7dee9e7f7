package dev.tempodesk.workflows.notification;

/**
 * Why the ticket workflow asks for notifications. The activity turns a notice into recipients: the
 * workflow cannot read the directory, so it names the event and the people it concerns by id.
 */
public enum NoticeKind {
  /** 80 % of an SLA target used: assignee and managers. */
  SLA_WARNING,
  /** An SLA target missed: assignee and managers. */
  SLA_BREACHED,
  /** The ticket got a (new) assignee: that agent. */
  ASSIGNED,
  /** The priority rose to URGENT: managers. */
  ESCALATED_TO_URGENT,
  /** The ticket was closed: its reporter, by email. */
  CLOSED,
  /**
   * The reporter's number of open tickets may have changed: the activity counts them and tells the
   * managers once each time the count rises above the limit.
   */
  CUSTOMER_LOAD_CHANGED
}
