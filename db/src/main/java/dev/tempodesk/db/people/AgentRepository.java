package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.AGENTS;

import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import java.time.OffsetDateTime;
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

  /** Changes what an admin may change; the email is stored lower-case. */
  public AgentsRecord update(
      long id,
      String email,
      String displayName,
      String role,
      int capacity,
      boolean available,
      boolean active) {
    return dsl.update(AGENTS)
        .set(AGENTS.EMAIL, email.toLowerCase())
        .set(AGENTS.DISPLAY_NAME, displayName)
        .set(AGENTS.ROLE, role)
        .set(AGENTS.CAPACITY, capacity)
        .set(AGENTS.AVAILABLE, available)
        .set(AGENTS.ACTIVE, active)
        .set(AGENTS.UPDATED_AT, OffsetDateTime.now())
        .where(AGENTS.ID.eq(id))
        .returning()
        .fetchOne();
  }

  /** Replaces the agent's skills (normalized by the caller). */
  public void setSkills(long id, String[] skills) {
    dsl.update(AGENTS)
        .set(AGENTS.SKILLS, skills)
        .set(AGENTS.UPDATED_AT, OffsetDateTime.now())
        .where(AGENTS.ID.eq(id))
        .execute();
  }

  public void setPasswordHash(long id, String passwordHash) {
    dsl.update(AGENTS)
        .set(AGENTS.PASSWORD_HASH, passwordHash)
        .set(AGENTS.UPDATED_AT, OffsetDateTime.now())
        .where(AGENTS.ID.eq(id))
        .execute();
  }

  /** Whether some active admin can sign in; the first admin is created from the environment. */
  public boolean hasAdminWhoCanSignIn() {
    return dsl.fetchExists(
        AGENTS, AGENTS.ROLE.eq("ADMIN"), AGENTS.ACTIVE.isTrue(), AGENTS.PASSWORD_HASH.isNotNull());
  }
}
