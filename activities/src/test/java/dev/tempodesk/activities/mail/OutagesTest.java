package dev.tempodesk.activities.mail;

import static dev.tempodesk.db.jooq.Tables.CONTACTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tempodesk.activities.nylas.NylasTransportException;
import dev.tempodesk.db.testing.TestDatabases;
import dev.tempodesk.db.testing.TestJooq;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Whose fault a failure is, on failures provoked for real: an unreachable database or Temporal is
 * an outage (the pass fails and is retried, nothing is quarantined); a value the database refuses
 * is the message's own.
 */
class OutagesTest {

  @Test
  void shouldTakeAnUnreachableDatabaseForAnOutage() throws Exception {
    TestJooq gone =
        TestJooq.over(
            new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres?connectTimeout=2",
                "postgres",
                ""));

    Throwable inTransaction =
        catchThrowable(
            () -> gone.transactions().execute(status -> gone.dsl().fetchOne("select 1")));
    Throwable plain = catchThrowable(() -> gone.dsl().fetchOne("select 1"));

    assertThat(inTransaction).isNotNull();
    assertThat(Outages.isOutage(inTransaction)).as(inTransaction.toString()).isTrue();
    assertThat(plain).isNotNull();
    assertThat(Outages.isOutage(plain)).as(plain.toString()).isTrue();
  }

  @Test
  void shouldTakeAnUnreachableTemporalForAnOutage() throws Exception {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort())
                .build());
    try {
      Throwable failure =
          catchThrowable(
              () ->
                  stubs
                      .blockingStub()
                      .withDeadlineAfter(3, TimeUnit.SECONDS)
                      .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()));
      assertThat(failure).isNotNull();
      assertThat(Outages.isOutage(failure)).as(failure.toString()).isTrue();
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void shouldTakeNylasTransportErrorsForAnOutage() {
    assertThat(Outages.isOutage(new NylasTransportException("connection reset", null))).isTrue();
  }

  @Test
  void shouldTakeAValueTheDatabaseRefusesForTheMessagesOwnFailure() {
    TestJooq db = TestJooq.over(TestDatabases.fresh().dataSource());

    Throwable refused =
        catchThrowable(
            () ->
                db.transactions()
                    .execute(
                        status ->
                            db.dsl()
                                .insertInto(CONTACTS)
                                .set(CONTACTS.EMAIL, "nameless@example.org")
                                .execute()));
    Throwable notANumber =
        catchThrowable(
            () ->
                db.dsl()
                    .execute(
                        "select (select string_agg(md5(i::text), '') from generate_series(1, 2) i)::int"));

    assertThat(refused).isNotNull();
    assertThat(Outages.isOutage(refused)).as(refused.toString()).isFalse();
    assertThat(MailQuarantine.describe(refused)).contains("23502").contains("display_name");
    assertThat(notANumber).isNotNull();
    assertThat(Outages.isOutage(notANumber)).as(notANumber.toString()).isFalse();
    assertThat(Outages.isOutage(new IllegalStateException("odd field"))).isFalse();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
