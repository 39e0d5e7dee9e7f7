package dev.tempodesk.db.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.db.testing.TestDatabases;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Keys made once and shared by every replica, on a real Postgres. */
class SharedSecretRepositoryTest {
  private final DataSource database = TestDatabases.fresh().dataSource();

  /** One replica: its own repository (and random source) over the shared database. */
  private SharedSecretRepository replica() {
    return new SharedSecretRepository(DSL.using(database, SQLDialect.POSTGRES));
  }

  @Test
  void shouldGiveReplicasStartingTogetherOneKey() throws Exception {
    int replicas = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<String>> starts = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      SharedSecretRepository replica = replica();
      starts.add(
          () -> {
            start.await();
            return HexFormat.of().formatHex(replica.getOrCreate("oauth-state"));
          });
    }
    List<String> keys = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(replicas)) {
      List<Future<String>> futures = new ArrayList<>();
      for (Callable<String> each : starts) {
        futures.add(pool.submit(each));
      }
      start.countDown();
      for (Future<String> key : futures) {
        keys.add(key.get());
      }
    }

    assertThat(keys).hasSize(replicas);
    assertThat(keys.getFirst()).hasSize(2 * SharedSecretRepository.KEY_BYTES);
    assertThat(keys).as("every replica signs with the same key").containsOnly(keys.getFirst());
    assertThat(HexFormat.of().formatHex(replica().getOrCreate("oauth-state")))
        .as("a restart keeps it")
        .isEqualTo(keys.getFirst());
    assertThat(HexFormat.of().formatHex(replica().getOrCreate("another")))
        .as("each name has its own")
        .isNotEqualTo(keys.getFirst());
  }
}
