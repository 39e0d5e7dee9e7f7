package dev.tempodesk.workflows.ticket;

import java.time.Duration;

/** The SLA targets of one priority, both counted from the ticket's creation. */
public record SlaTargets(Duration toAssign, Duration toResolve) {}
