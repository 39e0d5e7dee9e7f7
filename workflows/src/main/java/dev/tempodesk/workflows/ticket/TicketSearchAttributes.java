package dev.tempodesk.workflows.ticket;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.Map;

/**
 * The ticket workflow's search attributes (DESIGN.md section 8), for operators looking at Temporal:
 * status, priority, assignee id, whether an SLA is breached, and the reporter's email (set when the
 * workflow starts, since the workflow itself knows only the reporter's id). Every Temporal
 * namespace the workflow runs in must have them registered ({@link #TYPES}); an unregistered key
 * fails the workflow task that sets it.
 */
public final class TicketSearchAttributes {
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("TicketStatus");
  public static final SearchAttributeKey<String> PRIORITY =
      SearchAttributeKey.forKeyword("TicketPriority");
  public static final SearchAttributeKey<String> ASSIGNEE =
      SearchAttributeKey.forKeyword("TicketAssignee");
  public static final SearchAttributeKey<Boolean> SLA_BREACHED =
      SearchAttributeKey.forBoolean("SlaBreached");
  public static final SearchAttributeKey<String> CUSTOMER_EMAIL =
      SearchAttributeKey.forKeyword("CustomerEmail");

  /** Name and type of each, as a server registration needs them. */
  public static final Map<String, IndexedValueType> TYPES =
      Map.of(
          STATUS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          PRIORITY.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          ASSIGNEE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
          SLA_BREACHED.getName(), IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
          CUSTOMER_EMAIL.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

  /** The memo key holding the ticket's subject. */
  public static final String SUBJECT_MEMO = "subject";

  private TicketSearchAttributes() {}
}
