package dev.tempodesk.api.lifecycle;

import dev.tempodesk.api.lifecycle.LifecycleEntry.Kind;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells one run's Temporal history in plain words, oldest first: the workflow's own bookkeeping
 * (workflow tasks, version markers) is left out; an activity or an update is one entry at the time
 * it was scheduled or accepted, with its outcome; timers are an entry when set and one when they
 * fire or are cancelled.
 */
final class HistoryNarrator {
  private final Payloads payloads;

  HistoryNarrator(Payloads payloads) {
    this.payloads = payloads;
  }

  /**
   * @param pending the activities Temporal still runs (newest run only), by activity id: their
   *     attempt and last failure are not in the history yet
   */
  List<LifecycleEntry> narrate(
      String runId,
      List<HistoryEvent> events,
      Vocabulary words,
      Map<String, PendingActivityInfo> pending) {
    Map<Long, HistoryEvent> activityEnds = new HashMap<>();
    Map<Long, HistoryEvent> activityStarts = new HashMap<>();
    Map<String, HistoryEvent> updateEnds = new HashMap<>();
    for (HistoryEvent event : events) {
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
            activityStarts.put(
                event.getActivityTaskStartedEventAttributes().getScheduledEventId(), event);
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            activityEnds.put(
                event.getActivityTaskCompletedEventAttributes().getScheduledEventId(), event);
        case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
            activityEnds.put(
                event.getActivityTaskFailedEventAttributes().getScheduledEventId(), event);
        case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
            activityEnds.put(
                event.getActivityTaskTimedOutEventAttributes().getScheduledEventId(), event);
        case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
            activityEnds.put(
                event.getActivityTaskCanceledEventAttributes().getScheduledEventId(), event);
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED ->
            updateEnds.put(
                event.getWorkflowExecutionUpdateCompletedEventAttributes().getMeta().getUpdateId(),
                event);
        default -> {}
      }
    }

    List<Draft> drafts = new ArrayList<>();
    Map<String, Draft> timersSet = new HashMap<>();
    Instant taskTime = null; // Workflow.currentTimeMillis() of the task being completed
    for (HistoryEvent event : events) {
      Instant at = time(event);
      switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
          var started = event.getWorkflowExecutionStartedEventAttributes();
          words.started(payloads.of(started.getInput()));
          drafts.add(
              new Draft(
                  event,
                  Kind.STARTED,
                  started.getContinuedExecutionRunId().isEmpty()
                      ? "Workflow started"
                      : "Run continued from the previous run",
                  started.getContinuedExecutionRunId().isEmpty()
                      ? null
                      : "Previous run " + started.getContinuedExecutionRunId()));
        }
        case EVENT_TYPE_WORKFLOW_TASK_STARTED -> taskTime = at;
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
          var signal = event.getWorkflowExecutionSignaledEventAttributes();
          drafts.add(
              new Draft(
                  event,
                  Kind.SIGNAL_RECEIVED,
                  words.signal(signal.getSignalName(), payloads.of(signal.getInput())),
                  "Signal " + signal.getSignalName()));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> {
          var accepted = event.getWorkflowExecutionUpdateAcceptedEventAttributes();
          var request = accepted.getAcceptedRequest();
          String name = request.getInput().getName();
          Payloads.Values args = payloads.of(request.getInput().getArgs());
          HistoryEvent end = updateEnds.get(request.getMeta().getUpdateId());
          if (end == null) {
            drafts.add(
                new Draft(
                    event,
                    Kind.UPDATE_RUNNING,
                    words.updateRequest(name, args) + ": running",
                    "Update " + name + ", accepted and still running"));
          } else {
            var outcome = end.getWorkflowExecutionUpdateCompletedEventAttributes().getOutcome();
            if (outcome.hasFailure()) {
              String reason = message(outcome.getFailure());
              drafts.add(
                  new Draft(
                      event,
                      Kind.UPDATE_REFUSED,
                      words.updateRequest(name, args) + ": refused",
                      words.refusal(reason)));
            } else {
              drafts.add(
                  new Draft(
                      event,
                      Kind.UPDATE_APPLIED,
                      words.updateApplied(name, args, payloads.of(outcome.getSuccess())),
                      "Update " + name));
            }
          }
        }
        case EVENT_TYPE_TIMER_STARTED -> {
          var timer = event.getTimerStartedEventAttributes();
          Duration delay =
              Duration.ofSeconds(
                  timer.getStartToFireTimeout().getSeconds(),
                  timer.getStartToFireTimeout().getNanos());
          Instant deadline = (taskTime == null ? at : taskTime).plus(delay);
          String meaning = words.timer(delay, deadline);
          Draft set = new Draft(event, Kind.TIMER_SET, null, null).timer(meaning, delay, deadline);
          timersSet.put(timer.getTimerId(), set);
          drafts.add(set);
        }
        case EVENT_TYPE_TIMER_FIRED -> {
          Draft set = timersSet.get(event.getTimerFiredEventAttributes().getTimerId());
          drafts.add(new Draft(event, Kind.TIMER_FIRED, null, null).firedOf(set));
        }
        case EVENT_TYPE_TIMER_CANCELED -> {
          Draft set = timersSet.get(event.getTimerCanceledEventAttributes().getTimerId());
          drafts.add(new Draft(event, Kind.TIMER_CANCELLED, null, null).firedOf(set));
        }
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          var scheduled = event.getActivityTaskScheduledEventAttributes();
          String type = scheduled.getActivityType().getName();
          Payloads.Values input = payloads.of(scheduled.getInput());
          drafts.add(
              activity(
                  event,
                  words,
                  type,
                  words.activity(type, input),
                  activityStarts.get(event.getEventId()),
                  activityEnds.get(event.getEventId()),
                  pending.get(scheduled.getActivityId())));
          String reached = words.reachedBy(type, input);
          if (reached != null) {
            explainLastUnknownTimer(drafts, reached);
          }
        }
        case EVENT_TYPE_MARKER_RECORDED -> {
          var marker = event.getMarkerRecordedEventAttributes();
          if ("LocalActivity".equals(marker.getMarkerName())) {
            String type = localActivityType(marker.getDetailsMap());
            // Local activities (look-ups, SLA alarm writes) leave a marker, with their input.
            Payloads.Values input = payloads.of(marker.getDetailsMap().get("input"));
            drafts.add(
                new Draft(
                    event,
                    marker.hasFailure() ? Kind.ACTIVITY_FAILED : Kind.ACTIVITY_COMPLETED,
                    words.activity(type, input),
                    marker.hasFailure()
                        ? "Local activity " + type + " failed: " + message(marker.getFailure())
                        : "Local activity " + type));
            String reached = words.reachedBy(type, input);
            if (reached != null) {
              explainLastUnknownTimer(drafts, reached);
            }
          }
        }
        case EVENT_TYPE_WORKFLOW_TASK_FAILED -> {
          var failed = event.getWorkflowTaskFailedEventAttributes();
          drafts.add(
              new Draft(
                  event,
                  Kind.WORKFLOW_TASK_FAILED,
                  "The workflow code failed; Temporal retries it",
                  failed.getCause().name().replace("WORKFLOW_TASK_FAILED_CAUSE_", "")
                      + ": "
                      + message(failed.getFailure())));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
            drafts.add(
                new Draft(
                    event,
                    Kind.CONTINUED_AS_NEW,
                    "Continued as new: the history was long, a fresh run carries the state on",
                    "Next run "
                        + event
                            .getWorkflowExecutionContinuedAsNewEventAttributes()
                            .getNewExecutionRunId()));
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED ->
            drafts.add(new Draft(event, Kind.ENDED, "Workflow completed", null));
        case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED ->
            drafts.add(
                new Draft(
                    event,
                    Kind.ENDED,
                    "Workflow failed",
                    message(event.getWorkflowExecutionFailedEventAttributes().getFailure())));
        case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED ->
            drafts.add(
                new Draft(
                    event,
                    Kind.ENDED,
                    "Workflow terminated",
                    event.getWorkflowExecutionTerminatedEventAttributes().getReason()));
        case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED ->
            drafts.add(new Draft(event, Kind.ENDED, "Workflow cancelled", null));
        case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT ->
            drafts.add(new Draft(event, Kind.ENDED, "Workflow timed out", null));
        default -> {}
      }
    }
    return drafts.stream().map(draft -> draft.entry(runId)).toList();
  }

  private Draft activity(
      HistoryEvent scheduled,
      Vocabulary words,
      String type,
      String does,
      HistoryEvent started,
      HistoryEvent end,
      PendingActivityInfo pending) {
    int attempts =
        started == null ? 1 : started.getActivityTaskStartedEventAttributes().getAttempt();
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    if (end == null) {
      String detail = "Scheduled, not finished yet";
      if (pending != null) {
        detail =
            "Attempt "
                + pending.getAttempt()
                + (pending.hasLastFailure()
                    ? ", last failure: " + message(pending.getLastFailure())
                    : "");
      }
      return new Draft(scheduled, Kind.ACTIVITY_RUNNING, does, detail);
    }
    return switch (end.getEventType()) {
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
        String result =
            words.outcome(
                type, payloads.of(end.getActivityTaskCompletedEventAttributes().getResult()));
        yield new Draft(
            scheduled,
            Kind.ACTIVITY_COMPLETED,
            does,
            "Done after "
                + tries
                + " in "
                + words(between(scheduled, end))
                + (result == null ? "" : ": " + result));
      }
      case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
          new Draft(
              scheduled,
              Kind.ACTIVITY_FAILED,
              does,
              "Failed after "
                  + tries
                  + ": "
                  + message(end.getActivityTaskFailedEventAttributes().getFailure()));
      case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
          new Draft(
              scheduled,
              Kind.ACTIVITY_FAILED,
              does,
              "Timed out after "
                  + tries
                  + ": "
                  + message(end.getActivityTaskTimedOutEventAttributes().getFailure()));
      default -> new Draft(scheduled, Kind.ACTIVITY_FAILED, does, "Cancelled");
    };
  }

  /** A timer of unknown meaning that fired before {@code reached}: now its meaning is known. */
  private static void explainLastUnknownTimer(List<Draft> drafts, String reached) {
    for (int i = drafts.size() - 1; i >= 0; i--) {
      Draft draft = drafts.get(i);
      if (draft.kind == Kind.TIMER_SET) {
        return; // a timer set since: the activity is not the consequence of an earlier one
      }
      if (draft.kind == Kind.TIMER_FIRED) {
        if (draft.set != null && draft.set.meaning == null) {
          draft.set.meaning = reached;
          draft.meaning = reached;
        }
        return;
      }
    }
  }

  private static String localActivityType(Map<String, io.temporal.api.common.v1.Payloads> details) {
    io.temporal.api.common.v1.Payloads type = details.get("type");
    if (type == null || type.getPayloadsCount() == 0) {
      return "local activity";
    }
    return type.getPayloads(0).getData().toStringUtf8().replace("\"", "");
  }

  /** A failure's message, with its causes' messages after it. */
  static String message(Failure failure) {
    StringBuilder text = new StringBuilder(failure.getMessage());
    Failure cause = failure;
    while (cause.hasCause()) {
      cause = cause.getCause();
      if (!cause.getMessage().isBlank() && !text.toString().contains(cause.getMessage())) {
        text.append(" (").append(cause.getMessage()).append(')');
      }
    }
    return text.toString();
  }

  private static Duration between(HistoryEvent from, HistoryEvent to) {
    return Duration.between(time(from), time(to));
  }

  static Instant time(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }

  /** A duration for people: "450 ms", "3 s", "2 min 5 s", "4 h 30 min", "2 d 3 h". */
  static String words(Duration duration) {
    if (duration.isNegative()) {
      duration = Duration.ZERO;
    }
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      return duration.toMillis() + " ms";
    }
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    if (days > 0) {
      return days + " d" + (hours > 0 ? " " + hours + " h" : "");
    }
    if (hours > 0) {
      return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    }
    if (minutes > 0) {
      return minutes + " min" + (seconds > 0 ? " " + seconds + " s" : "");
    }
    long tenths = duration.toMillis() / 100;
    return tenths % 10 == 0 ? (tenths / 10) + " s" : (tenths / 10) + "." + (tenths % 10) + " s";
  }

  /** An entry being written; timers learn their meaning late, from what followed them. */
  private static final class Draft {
    private final HistoryEvent event;
    private final Kind kind;
    private final String title;
    private final String detail;
    private String meaning;
    private Duration delay;
    private Instant deadline;
    private Draft set;

    Draft(HistoryEvent event, Kind kind, String title, String detail) {
      this.event = event;
      this.kind = kind;
      this.title = title;
      this.detail = detail;
    }

    Draft timer(String meaning, Duration delay, Instant deadline) {
      this.meaning = meaning;
      this.delay = delay;
      this.deadline = deadline;
      return this;
    }

    Draft firedOf(Draft set) {
      this.set = set;
      if (set != null) {
        this.meaning = set.meaning;
        this.delay = set.delay;
        this.deadline = set.deadline;
      }
      return this;
    }

    LifecycleEntry entry(String runId) {
      String text = title;
      String more = detail;
      if (kind == Kind.TIMER_SET || kind == Kind.TIMER_FIRED || kind == Kind.TIMER_CANCELLED) {
        String what = meaning(set == null ? meaning : set.meaning);
        text =
            switch (kind) {
              case TIMER_SET -> "Timer set for " + words(delay) + ": " + what;
              case TIMER_FIRED -> "Timer fired: " + what;
              default -> "Timer cancelled: " + what + " (no longer needed)";
            };
        more = deadline == null ? null : "Due " + deadline;
      }
      return new LifecycleEntry(time(event), kind, text, more, runId, event.getEventId());
    }

    private static String meaning(String meaning) {
      return meaning == null ? "the workflow's next deadline" : meaning;
    }
  }
}
