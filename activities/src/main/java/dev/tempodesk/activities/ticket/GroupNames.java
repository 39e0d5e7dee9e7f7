package dev.tempodesk.activities.ticket;

import static dev.tempodesk.db.jooq.Tables.GROUPS;

import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The group's name a ticket's workflow starts with (the row holds only the group id), looked up by
 * {@link TicketWorkflowGateway} on every start from a row, so the audit trail's first move of a
 * ticket shows where it came from by name.
 */
@FunctionalInterface
public interface GroupNames {
  Optional<String> of(long groupId);

  /** For rigs that do not look at names: always unknown (the trail then shows {@code #id}). */
  static GroupNames none() {
    return groupId -> Optional.empty();
  }

  static GroupNames from(DSLContext dsl) {
    return groupId ->
        dsl.select(GROUPS.NAME)
            .from(GROUPS)
            .where(GROUPS.ID.eq(groupId))
            .fetchOptional(GROUPS.NAME);
  }
}
