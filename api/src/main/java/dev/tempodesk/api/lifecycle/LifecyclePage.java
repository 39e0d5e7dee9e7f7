package dev.tempodesk.api.lifecycle;

import java.util.List;

/**
 * A page of a workflow's lifecycle, newest first, across every run of its continue-as-new chain.
 *
 * @param workflowId the Temporal workflow id
 * @param temporalUiUrl the newest run in the Temporal UI; null when Temporal knows no run
 * @param entries newest first
 * @param nextPageToken pass as {@code pageToken} for older entries; null on the last page
 */
public record LifecyclePage(
    String workflowId, String temporalUiUrl, List<LifecycleEntry> entries, String nextPageToken) {}
