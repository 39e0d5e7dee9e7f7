package dev.tempodesk.db.people;

import static dev.tempodesk.db.jooq.Tables.ASSETS;
import static dev.tempodesk.db.jooq.Tables.ORGANIZATIONS;

import dev.tempodesk.db.jooq.tables.records.AssetsRecord;
import dev.tempodesk.db.jooq.tables.records.OrganizationsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
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
    return dsl.selectFrom(ORGANIZATIONS).orderBy(ORGANIZATIONS.NAME).fetch();
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
}
