package dev.tempodesk.api.bulk;

/** The answer to starting a bulk action: its id (also in the Location) and its ticket count. */
public record BulkActionStarted(long id, int total) {}
