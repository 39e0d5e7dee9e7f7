package dev.tempodesk.api.lifecycle;

import dev.tempodesk.workflows.notification.NoticeKind;
import dev.tempodesk.workflows.notification.TicketNotice;
import dev.tempodesk.workflows.ticket.Actor;
import dev.tempodesk.workflows.ticket.FieldChange;
import dev.tempodesk.workflows.ticket.InboundMessage;
import dev.tempodesk.workflows.ticket.NoteRequest;
import dev.tempodesk.workflows.ticket.OutboundMessage;
import dev.tempodesk.workflows.ticket.PendingReason;
import dev.tempodesk.workflows.ticket.ReplyRequest;
import dev.tempodesk.workflows.ticket.ReplyResult;
import dev.tempodesk.workflows.ticket.SlaClock;
import dev.tempodesk.workflows.ticket.SlaRecalculation;
import dev.tempodesk.workflows.ticket.TicketChangeRecord;
import dev.tempodesk.workflows.ticket.TicketEvent;
import dev.tempodesk.workflows.ticket.TicketPolicy;
import dev.tempodesk.workflows.ticket.TicketSla;
import dev.tempodesk.workflows.ticket.TicketState;
import dev.tempodesk.workflows.ticket.TicketStatus;
import dev.tempodesk.workflows.ticket.TicketUpdateRequest;
import dev.tempodesk.workflows.ticket.TicketUpdateResult;
import dev.tempodesk.workflows.ticket.TicketWorkflowInput;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ticket workflow in plain words. It follows the ticket's state through the run (the start
 * input, then the state each audit write carries), so a timer is named by the deadline it was armed
 * for: the end of a pending time, the end of the reopen window, or the next SLA warning or breach
 * of a metric. A timer armed from a state no write carried is named by what followed its firing.
 */
final class TicketVocabulary implements Vocabulary {
  /**
   * How far a timer's deadline may be from the state's instant and still be that deadline: the
   * workflow arms it from its task's start time, which the history records to the millisecond.
   */
  private static final Duration SAME_DEADLINE = Duration.ofMillis(20);

  private static final Pattern RULE_VIOLATION =
      Pattern.compile("^([A-Z_]+) (\\S+): (.*)$", Pattern.DOTALL);

  private TicketState state;
  private TicketPolicy policy;

  @Override
  public void started(Payloads.Values input) {
    TicketWorkflowInput start = input.first(TicketWorkflowInput.class);
    if (start != null) {
      state = start.ticket();
      policy = start.policy();
    }
  }

  @Override
  public String signal(String name, Payloads.Values input) {
    return switch (name) {
      case "newMessage" -> {
        InboundMessage message = input.first(InboundMessage.class);
        yield message == null
            ? "New message received"
            : "Message from " + who(message.author()) + " received";
      }
      case "recalculateSla" -> {
        SlaRecalculation request = input.first(SlaRecalculation.class);
        yield "SLA recalculation requested"
            + (request == null || request.reason() == null || request.reason().isBlank()
                ? ""
                : ": " + request.reason());
      }
      default -> "Signal " + name + " received";
    };
  }

  @Override
  public String updateApplied(String name, Payloads.Values args, Payloads.Values result) {
    String request = updateRequest(name, args);
    List<FieldChange> changes =
        switch (name) {
          case "update" -> {
            TicketUpdateResult applied = result.first(TicketUpdateResult.class);
            yield applied == null ? List.of() : applied.changes();
          }
          case "reply" -> {
            ReplyResult replied = result.first(ReplyResult.class);
            yield replied == null ? List.of() : replied.changes();
          }
          default -> List.of();
        };
    return changes.isEmpty() ? request : request + ": " + changes(changes);
  }

  @Override
  public String updateRequest(String name, Payloads.Values args) {
    return switch (name) {
      case "update" -> {
        TicketUpdateRequest request = args.first(TicketUpdateRequest.class);
        yield request == null ? "Change" : "Change by " + who(request.actor());
      }
      case "reply" -> {
        ReplyRequest request = args.first(ReplyRequest.class);
        yield request == null ? "Reply" : "Reply by " + who(request.actor());
      }
      case "addNote" -> {
        NoteRequest request = args.first(NoteRequest.class);
        yield request == null ? "Internal note" : "Internal note by " + who(request.actor());
      }
      case "retryReply" -> "Failed reply sent again";
      default -> "Update " + name;
    };
  }

  @Override
  public String refusal(String failureMessage) {
    Matcher violation = RULE_VIOLATION.matcher(failureMessage);
    if (!violation.matches()) {
      return failureMessage;
    }
    String kind = violation.group(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    return kind + " in " + violation.group(2) + ": " + violation.group(3);
  }

  @Override
  public String activity(String type, Payloads.Values input) {
    return switch (type) {
      case "RecordChange" -> {
        TicketChangeRecord record = input.first(TicketChangeRecord.class);
        if (record == null) {
          yield "Write a change to the database";
        }
        state = record.ticket();
        yield "Write to the database: " + event(record.event());
      }
      case "LookUpSla", "lookUpSla" -> "Look up the SLA policy that applies";
      case "Store" -> {
        OutboundMessage message = input.first(OutboundMessage.class);
        yield message == null
            ? "Store an outgoing message"
            : (message.kind() == OutboundMessage.Kind.NOTE
                    ? "Store the internal note by "
                    : "Store the reply by ")
                + who(message.author());
      }
      case "DeliverOutboundMail" -> "Send the reply by mail";
      case "PrepareOutbox" -> "Look up replies still to send";
      case "GiveUp" -> "Mark the reply as not sent";
      case "Requeue" -> "Queue the failed reply again";
      case "Deliver" -> {
        TicketNotice notice = input.first(TicketNotice.class);
        alarmFired(notice);
        yield notice == null
            ? "Send notifications"
            : "Send notifications: " + lower(notice.kind().name());
      }
      default -> "Activity " + type;
    };
  }

  @Override
  public String timer(Duration delay, Instant deadline) {
    if (state == null) {
      return null;
    }
    if (state.status == TicketStatus.PENDING && near(state.pendingUntil, deadline)) {
      return pendingEnd(state.pendingReason);
    }
    if (state.status == TicketStatus.CLOSED
        && policy != null
        && state.closedAt != null
        && near(policy.reopenWindowEnd(state.closedAt), deadline)) {
      return "end of the reopen window, then the ticket's workflow ends";
    }
    for (TicketSla.ClockName name : TicketSla.ClockName.values()) {
      SlaClock clock = TicketSla.clockOf(state, name);
      if (clock == null) {
        continue;
      }
      Instant alarm = clock.nextAlarmAt(TicketSla.calendar(state));
      if (near(alarm, deadline)) {
        return "SLA " + (clock.warned ? "breach" : "warning") + " of " + metric(name);
      }
    }
    return null;
  }

  @Override
  public String reachedBy(String activityType, Payloads.Values input) {
    if ("Deliver".equals(activityType)) {
      TicketNotice notice = input.first(TicketNotice.class);
      return notice == null || !isAlarm(notice) ? null : alarm(notice.detail());
    }
    if (!"RecordChange".equals(activityType)) {
      return null;
    }
    TicketChangeRecord record = input.first(TicketChangeRecord.class);
    if (record == null) {
      return null;
    }
    TicketEvent event = record.event();
    return switch (event.kind()) {
      case SLA_WARNING, SLA_BREACHED -> alarm(event.comment());
      case PENDING_EXPIRED -> pendingEnd(PendingReason.CUSTOMER);
      case CLOSED_FOR_NO_RESPONSE -> pendingEnd(PendingReason.CLOSE);
      default -> null;
    };
  }

  /**
   * An SLA alarm's notice: the alarm fired on the clock it names (its audit write is a local
   * activity, whose input the history may not carry), so the next timer waits for the next alarm.
   */
  private void alarmFired(TicketNotice notice) {
    if (state == null || notice == null || !isAlarm(notice) || notice.detail() == null) {
      return;
    }
    try {
      SlaClock clock =
          TicketSla.clockOf(state, TicketSla.ClockName.valueOf(notice.detail().split(" ")[0]));
      if (clock != null) {
        clock.markFired(
            notice.kind() == NoticeKind.SLA_WARNING
                ? SlaClock.Alarm.WARNING
                : SlaClock.Alarm.BREACH);
      }
    } catch (IllegalArgumentException notAClock) {
      // an older wording: nothing to follow
    }
  }

  private static boolean isAlarm(TicketNotice notice) {
    return notice.kind() == NoticeKind.SLA_WARNING || notice.kind() == NoticeKind.SLA_BREACHED;
  }

  private static String pendingEnd(PendingReason reason) {
    return reason == PendingReason.CLOSE
        ? "end of the pending time, then the ticket closes for no response (auto-close)"
        : "end of the pending time, then the ticket goes back to work";
  }

  /** "RESOLVE SLA BREACH" → "SLA breach of resolution". */
  private static String alarm(String comment) {
    if (comment == null) {
      return "an SLA alarm";
    }
    String[] words = comment.split(" ");
    try {
      TicketSla.ClockName clock = TicketSla.ClockName.valueOf(words[0]);
      return "SLA " + lower(words[words.length - 1]) + " of " + metric(clock);
    } catch (IllegalArgumentException notAClock) {
      return comment;
    }
  }

  private static String metric(TicketSla.ClockName name) {
    return switch (name) {
      case ASSIGN -> "time to assign";
      case FIRST_RESPONSE -> "first response";
      case NEXT_REPLY -> "next reply";
      case RESOLVE -> "resolution";
    };
  }

  /** An audit event in a few words: never a message body. */
  private static String event(TicketEvent event) {
    String by = event.actor() == null ? "" : " by " + who(event.actor());
    String changes =
        event.changes() == null || event.changes().isEmpty()
            ? ""
            : " (" + changes(event.changes()) + ")";
    return switch (event.kind()) {
      case CREATED -> "ticket created" + by;
      case UPDATED -> "change" + by + changes;
      case RESUMED_BY_CUSTOMER -> "resumed by the customer's message" + changes;
      case REOPENED_BY_CUSTOMER -> "reopened by the customer's message" + changes;
      case PENDING_EXPIRED -> "pending time over, back to work" + changes;
      case CLOSED_FOR_NO_RESPONSE -> "closed for no response";
      case SLA_WARNING, SLA_BREACHED -> alarm(event.comment());
      case REPLIED -> "reply" + by + changes;
      case NOTE_ADDED -> "internal note" + by;
      case REPLY_RETRIED -> "reply queued again" + by;
      case SLA_POLICY_APPLIED -> event.comment() == null ? "SLA policy applied" : event.comment();
      case AWAITING_REPLY -> "a customer message waits for a reply";
      default -> lower(event.kind().name()) + by;
    };
  }

  /** "status OPEN → PENDING, pendingUntil … → 2026-…": field names and values, no bodies. */
  private static String changes(List<FieldChange> changes) {
    Map<String, FieldChange> byField = new LinkedHashMap<>();
    changes.forEach(change -> byField.put(change.field(), change));
    return byField.values().stream()
        .map(
            change ->
                change.field()
                    + " "
                    + (change.from() == null ? "–" : change.from())
                    + " → "
                    + (change.to() == null ? "–" : change.to()))
        .collect(Collectors.joining(", "));
  }

  private static String who(Actor actor) {
    if (actor == null) {
      return "someone";
    }
    return switch (actor.kind()) {
      case SYSTEM -> "Tempodesk";
      case CONTACT -> actor.name() + " (customer)";
      case AGENT -> actor.name();
    };
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static boolean near(Instant instant, Instant deadline) {
    return instant != null
        && Duration.between(instant, deadline).abs().compareTo(SAME_DEADLINE) <= 0;
  }
}
