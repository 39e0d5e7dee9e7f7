package dev.tempodesk.api.lifecycle;

import com.google.protobuf.ByteString;
import dev.tempodesk.api.error.FieldException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.WorkflowClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a workflow's history from Temporal, newest first, across its continue-as-new chain (each
 * run names the run it continued), and tells it in plain words a page at a time. A page token is
 * the run and how many of its entries were shown; runs are capped by continue-as-new, so a page
 * reads at most a run or two.
 */
@Component
public class WorkflowLifecycles {
  private final WorkflowClient client;
  private final HistoryNarrator narrator;
  private final String temporalUiUrl;

  WorkflowLifecycles(
      WorkflowClient client,
      @Value("${TEMPODESK_TEMPORAL_UI_URL:${tempodesk.temporal-ui-url:http://localhost:8233}}")
          String temporalUiUrl) {
    this.client = client;
    this.narrator = new HistoryNarrator(new Payloads(client.getOptions().getDataConverter()));
    this.temporalUiUrl = temporalUiUrl.replaceAll("/+$", "");
  }

  /**
   * @param vocabulary a fresh vocabulary of the workflow's kind for each run told
   * @param pageToken from the previous page, or null for the newest entries
   */
  LifecyclePage page(
      String workflowId, Supplier<Vocabulary> vocabulary, String pageToken, int size) {
    Position position = pageToken == null ? null : Position.decode(pageToken);
    DescribeWorkflowExecutionResponse newest = describe(workflowId);
    if (newest == null) {
      return new LifecyclePage(workflowId, null, List.of(), null);
    }
    String newestRun = newest.getWorkflowExecutionInfo().getExecution().getRunId();
    Map<String, PendingActivityInfo> pending =
        newest.getPendingActivitiesList().stream()
            .collect(
                Collectors.toMap(PendingActivityInfo::getActivityId, info -> info, (a, b) -> b));
    String run = position == null ? newestRun : position.runId();
    int skip = position == null ? 0 : position.skip();
    List<LifecycleEntry> entries = new ArrayList<>();
    String next = null;
    while (run != null) {
      List<HistoryEvent> events = history(workflowId, run);
      List<LifecycleEntry> told =
          new ArrayList<>(
              narrator.narrate(
                  run, events, vocabulary.get(), run.equals(newestRun) ? pending : Map.of()));
      java.util.Collections.reverse(told);
      String previous = previousRun(events);
      int room = size - entries.size();
      List<LifecycleEntry> shown = told.subList(Math.min(skip, told.size()), told.size());
      if (shown.size() > room) {
        entries.addAll(shown.subList(0, room));
        next = new Position(run, skip + room).encode();
        break;
      }
      entries.addAll(shown);
      if (entries.size() == size) {
        next = previous == null ? null : new Position(previous, 0).encode();
        break;
      }
      run = previous;
      skip = 0;
    }
    return new LifecyclePage(workflowId, uiLink(workflowId, newestRun), entries, next);
  }

  private String uiLink(String workflowId, String runId) {
    return "%s/namespaces/%s/workflows/%s/%s/history"
        .formatted(
            temporalUiUrl,
            encode(client.getOptions().getNamespace()),
            encode(workflowId),
            encode(runId));
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private DescribeWorkflowExecutionResponse describe(String workflowId) {
    try {
      return client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeWorkflowExecution(
              DescribeWorkflowExecutionRequest.newBuilder()
                  .setNamespace(client.getOptions().getNamespace())
                  .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                  .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return null; // never started, or ended and removed after Temporal's retention
      }
      throw e;
    }
  }

  private List<HistoryEvent> history(String workflowId, String runId) {
    List<HistoryEvent> events = new ArrayList<>();
    ByteString token = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse response;
      try {
        response =
            client
                .getWorkflowServiceStubs()
                .blockingStub()
                .getWorkflowExecutionHistory(
                    GetWorkflowExecutionHistoryRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(
                            WorkflowExecution.newBuilder()
                                .setWorkflowId(workflowId)
                                .setRunId(runId))
                        .setNextPageToken(token)
                        .build());
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
          return events; // an older run removed after Temporal's retention
        }
        throw e;
      }
      events.addAll(response.getHistory().getEventsList());
      token = response.getNextPageToken();
    } while (!token.isEmpty());
    return events;
  }

  private static String previousRun(List<HistoryEvent> events) {
    if (events.isEmpty() || !events.getFirst().hasWorkflowExecutionStartedEventAttributes()) {
      return null;
    }
    String previous =
        events.getFirst().getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
    return previous.isEmpty() ? null : previous;
  }

  /** Where a page starts: a run and how many of its entries (newest first) were shown already. */
  record Position(String runId, int skip) {
    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((runId + ":" + skip).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = text.lastIndexOf(':');
        Position position =
            new Position(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        java.util.UUID.fromString(position.runId()); // Temporal run ids are UUIDs
        if (position.skip() < 0) {
          throw new IllegalArgumentException(text);
        }
        return position;
      } catch (RuntimeException e) {
        throw FieldException.invalid(
            "pageToken", "Not a page token of this lifecycle; start again without one.");
      }
    }
  }
}
