package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.ASSETS;
import static dev.tempodesk.db.jooq.Tables.ORGANIZATIONS;
import static dev.tempodesk.db.jooq.Tables.TICKETS;

import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Customer organizations and their assets (network gear, products, orders). */
@Repository
public class OrganizationRepository {
  private final DSLContext dsl;

  public OrganizationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public OrganizationsRecord insert(String name, String domain) {
    return dsl.insertInto(ORGANIZATIONS)
        .set(ORGANIZATIONS.NAME, name)
        .set(ORGANIZATIONS.DOMAIN, domain)
        .returning()
        .fetchOne();
  }

  public Optional<OrganizationsRecord> find(long id) {
    return dsl.selectFrom(ORGANIZATIONS).where(ORGANIZATIONS.ID.eq(id)).fetchOptional();
  }

  public AssetsRecord insertAsset(
      long organizationId, String name, String kind, String description) {
    return dsl.insertInto(ASSETS)
        .set(ASSETS.ORGANIZATION_ID, organizationId)
        .set(ASSETS.NAME, name)
        .set(ASSETS.KIND, kind)
        .set(ASSETS.DESCRIPTION, description)
        .returning()
        .fetchOne();
  }

  public List<OrganizationsRecord> listAll() {
    return list(null);
  }

  /** By name; {@code text} (if not blank) narrows to names or domains containing it. */
  public List<OrganizationsRecord> list(String text) {
    Condition matches = DSL.noCondition();
    if (text != null && !text.isBlank()) {
      // containsIgnoreCase escapes % and _ in the text
      matches =
          ORGANIZATIONS
              .NAME
              .containsIgnoreCase(text.strip())
              .or(ORGANIZATIONS.DOMAIN.containsIgnoreCase(text.strip()));
    }
    return dsl.selectFrom(ORGANIZATIONS).where(matches).orderBy(ORGANIZATIONS.NAME).fetch();
  }

  public OrganizationsRecord update(long id, String name, String domain) {
    return dsl.update(ORGANIZATIONS)
        .set(ORGANIZATIONS.NAME, name)
        .set(ORGANIZATIONS.DOMAIN, domain)
        .where(ORGANIZATIONS.ID.eq(id))
        .returning()
        .fetchOne();
  }

  public List<AssetsRecord> listAssets(long organizationId) {
    return dsl.selectFrom(ASSETS)
        .where(ASSETS.ORGANIZATION_ID.eq(organizationId))
        .orderBy(ASSETS.NAME)
        .fetch();
  }

  public Optional<AssetsRecord> findAsset(long id) {
    return dsl.selectFrom(ASSETS).where(ASSETS.ID.eq(id)).fetchOptional();
  }

  /** An asset of this organization, or empty (also when the asset is another organization's). */
  public Optional<AssetsRecord> findAsset(long organizationId, long id) {
    return dsl.selectFrom(ASSETS)
        .where(ASSETS.ID.eq(id))
        .and(ASSETS.ORGANIZATION_ID.eq(organizationId))
        .fetchOptional();
  }

  public AssetsRecord updateAsset(long id, String name, String kind, String description) {
    return dsl.update(ASSETS)
        .set(ASSETS.NAME, name)
        .set(ASSETS.KIND, kind)
        .set(ASSETS.DESCRIPTION, description)
        .where(ASSETS.ID.eq(id))
        .returning()
        .fetchOne();
  }

  /**
   * Deletes an asset no ticket names.
   *
   * @return false if tickets name it (it stays: they keep their history)
   */
  public boolean deleteAssetIfUnused(long id) {
    return dsl.deleteFrom(ASSETS)
            .where(ASSETS.ID.eq(id))
            .andNotExists(DSL.selectOne().from(TICKETS).where(TICKETS.ASSET_ID.eq(id)))
            .execute()
        == 1;
  }
}
