package dev.tempodesk.db.assignment;

/** How many tickets of one group wait for an agent. */
public record GroupQueue(long groupId, String groupName, int waiting) {}
