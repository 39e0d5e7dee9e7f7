import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build step (run by exec-maven-plugin as a JEP 330 single-file program): migrates a throw-away
 * embedded Postgres with the Flyway scripts and generates the jOOQ classes from the real schema.
 *
 * <p>Generating from Postgres rather than parsing the scripts (DDLDatabase) exercises the
 * migrations on every build and keeps Postgres-only features (generated tsvector columns, partial
 * indexes, check constraints) visible to jOOQ. A hash of the scripts skips the work when nothing
 * changed.
 *
 * <p>Arguments: migrations directory, output directory, target package.
 */
public class GenerateJooq {
  public static void main(String[] args) throws Exception {
    Path migrations = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String targetPackage = args[2];
    Path stamp = output.resolve(".migrations.sha256");
    String hash = hashOf(migrations);
    if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
      System.out.println("[jooq] schema unchanged, generated classes are current");
      return;
    }
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Flyway.configure()
          .dataSource(url, "postgres", "postgres")
          .locations("filesystem:" + migrations.toAbsolutePath())
          .load()
          .migrate();
      GenerationTool.generate(
          new Configuration()
              .withJdbc(new Jdbc().withUrl(url).withUser("postgres").withPassword("postgres"))
              .withGenerator(
                  new Generator()
                      .withDatabase(
                          new Database()
                              .withName("org.jooq.meta.postgres.PostgresDatabase")
                              .withInputSchema("public")
                              .withExcludes("flyway_schema_history"))
                      .withGenerate(
                          new Generate()
                              .withRecords(true)
                              .withJavaTimeTypes(true)
                              .withFluentSetters(true))
                      .withTarget(
                          new Target()
                              .withPackageName(targetPackage)
                              .withDirectory(output.toAbsolutePath().toString()))));
    }
    Files.writeString(stamp, hash);
  }

  private static String hashOf(Path migrations) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path file : files.sorted().toList()) {
        digest.update(file.getFileName().toString().getBytes());
        digest.update(Files.readAllBytes(file));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
