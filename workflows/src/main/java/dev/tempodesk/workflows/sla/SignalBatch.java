package dev.tempodesk.workflows.sla;

import java.util.List;

/** Tickets to signal with {@code recalculateSla(reason)}, one after the other. */
public record SignalBatch(String reason, List<Long> tickets) {}
