package dev.tempodesk.bench.sla;

import dev.tempodesk.workflows.ticket.TicketWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one breach costs the Temporal server, counted in each ticket's history (not read from the
 * code): the tasks from the breach's timer firing to the end of the history, once the workflow has
 * nothing left in flight. After the breach the burst's tickets have no deadline left, so everything
 * after that timer is the breach's work: its workflow tasks, its activity tasks (by type) and its
 * local activities (recorded as markers inside a workflow task).
 *
 * @param breaches histories counted
 * @param workflowTasks workflow tasks scheduled, summed over all breaches
 * @param activityTasks activity tasks scheduled, summed
 * @param localActivities local activity markers, summed
 * @param activityTypes activity tasks per activity type, summed
 */
record BreachTasks(
    int breaches,
    int workflowTasks,
    int activityTasks,
    int localActivities,
    Map<String, Integer> activityTypes) {
  private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";

  /** Counts the tasks after each ticket's last timer, waiting until its workflow is idle. */
  static BreachTasks count(WorkflowClient client, Collection<Long> tickets)
      throws InterruptedException {
    Instant giveUpAt = Instant.now().plus(Duration.ofMinutes(2));
    int workflowTasks = 0;
    int activityTasks = 0;
    int localActivities = 0;
    Map<String, Integer> types = new TreeMap<>();
    int counted = 0;
    for (long ticket : tickets) {
      List<HistoryEvent> events = idleHistory(client, ticket, giveUpAt);
      int timer = lastTimerFired(events);
      if (timer < 0) {
        continue; // armed after its deadline: no timer to count from
      }
      counted++;
      for (HistoryEvent event : events.subList(timer + 1, events.size())) {
        switch (event.getEventType()) {
          case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED -> workflowTasks++;
          case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
            activityTasks++;
            types.merge(
                event.getActivityTaskScheduledEventAttributes().getActivityType().getName(),
                1,
                Integer::sum);
          }
          case EVENT_TYPE_MARKER_RECORDED -> {
            if (LOCAL_ACTIVITY_MARKER.equals(
                event.getMarkerRecordedEventAttributes().getMarkerName())) {
              localActivities++;
            }
          }
          default -> {}
        }
      }
    }
    return new BreachTasks(counted, workflowTasks, activityTasks, localActivities, types);
  }

  double workflowTasksPerBreach() {
    return (double) workflowTasks / breaches;
  }

  double activityTasksPerBreach() {
    return (double) activityTasks / breaches;
  }

  double localActivitiesPerBreach() {
    return (double) localActivities / breaches;
  }

  /** One line for the run's output, e.g. "3.0 workflow tasks, 2.0 activity tasks (…)". */
  String describe() {
    if (breaches == 0) {
      return "no breach fired on a timer (every timer was armed after its deadline): not counted";
    }
    StringBuilder perType = new StringBuilder();
    activityTypes.forEach(
        (type, count) ->
            perType
                .append(perType.isEmpty() ? "" : ", ")
                .append(type)
                .append(' ')
                .append("%.1f".formatted((double) count / breaches)));
    return String.format(
        "%.1f workflow tasks, %.1f activity tasks (%s), %.1f local activities per breach"
            + " (%d breaches counted)",
        workflowTasksPerBreach(),
        activityTasksPerBreach(),
        perType.isEmpty() ? "none" : perType,
        localActivitiesPerBreach(),
        breaches);
  }

  private static List<HistoryEvent> idleHistory(
      WorkflowClient client, long ticket, Instant giveUpAt) throws InterruptedException {
    String workflowId = TicketWorkflow.workflowId(ticket);
    while (true) {
      List<HistoryEvent> events = client.fetchHistory(workflowId).getEvents();
      if (idle(events)) {
        return events;
      }
      if (Instant.now().isAfter(giveUpAt)) {
        throw new IllegalStateException(workflowId + " still busy at " + giveUpAt);
      }
      Thread.sleep(100);
    }
  }

  /** No workflow task and no activity in flight: the history ends in a completed task. */
  private static boolean idle(List<HistoryEvent> events) {
    if (events.isEmpty()
        || events.getLast().getEventType() != EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      return false;
    }
    Set<Long> open = new HashSet<>();
    for (HistoryEvent event : events) {
      switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> open.add(event.getEventId());
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
            open.remove(event.getActivityTaskCompletedEventAttributes().getScheduledEventId());
        case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
            open.remove(event.getActivityTaskFailedEventAttributes().getScheduledEventId());
        case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
            open.remove(event.getActivityTaskTimedOutEventAttributes().getScheduledEventId());
        case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
            open.remove(event.getActivityTaskCanceledEventAttributes().getScheduledEventId());
        default -> {}
      }
    }
    return open.isEmpty();
  }

  private static int lastTimerFired(List<HistoryEvent> events) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).getEventType() == EventType.EVENT_TYPE_TIMER_FIRED) {
        return i;
      }
    }
    return -1;
  }
}
