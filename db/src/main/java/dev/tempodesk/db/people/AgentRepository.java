package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.AGENTS;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Agents: the employees who work tickets. */
@Repository
public class AgentRepository {
  private final DSLContext dsl;

  public AgentRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public AgentsRecord insert(String email, String displayName, String role, int capacity) {
    return dsl.insertInto(AGENTS)
        .set(AGENTS.EMAIL, email.toLowerCase())
        .set(AGENTS.DISPLAY_NAME, displayName)
        .set(AGENTS.ROLE, role)
        .set(AGENTS.CAPACITY, capacity)
        .returning()
        .fetchOne();
  }

  public Optional<AgentsRecord> find(long id) {
    return dsl.selectFrom(AGENTS).where(AGENTS.ID.eq(id)).fetchOptional();
  }

  public Optional<AgentsRecord> findByEmail(String email) {
    return dsl.selectFrom(AGENTS).where(AGENTS.EMAIL.eq(email.toLowerCase())).fetchOptional();
  }

  public List<AgentsRecord> listAll() {
    return dsl.selectFrom(AGENTS).orderBy(AGENTS.ID).fetch();
  }

  public int count() {
    return dsl.fetchCount(AGENTS);
  }

  /** Active agents with the role, e.g. every MANAGER to notify. */
  public List<AgentsRecord> listActiveWithRole(String role) {
    return dsl.selectFrom(AGENTS)
        .where(AGENTS.ROLE.eq(role), AGENTS.ACTIVE.isTrue())
        .orderBy(AGENTS.ID)
        .fetch();
  }
}
