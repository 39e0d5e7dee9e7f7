package dev.tempodesk.activities.mail;

import dev.tempodesk.activities.nylas.NylasException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.ActivityCompletionException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an outage from a message's own failure. An outage (the database, Temporal or Nylas
 * unreachable or overloaded) is nobody's message's fault: it fails the sync pass, which Temporal
 * retries, so the mail is tried again once the service is back and nothing is quarantined for it.
 * Any other failure while one message is handled belongs to that message.
 */
public final class Outages {
  /** gRPC codes of a Temporal service that is down, slow or shedding load. */
  private static final Set<Status.Code> TEMPORAL_OUTAGE =
      Set.of(
          Status.Code.UNAVAILABLE,
          Status.Code.DEADLINE_EXCEEDED,
          Status.Code.RESOURCE_EXHAUSTED,
          Status.Code.CANCELLED,
          Status.Code.ABORTED);

  private Outages() {}

  public static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof ActivityCompletionException
          || cause instanceof InterruptedException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof TransientDataAccessException
          || cause instanceof RecoverableDataAccessException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof SocketException
          || cause instanceof SocketTimeoutException
          || cause instanceof UnknownHostException) {
        return true;
      }
      if (cause instanceof NylasException nylas && nylas.retryable()) {
        return true;
      }
      if (cause instanceof SQLException sql && outageState(sql.getSQLState())) {
        return true;
      }
      if (cause instanceof StatusRuntimeException grpc
          && TEMPORAL_OUTAGE.contains(grpc.getStatus().getCode())) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  /**
   * SQLState classes of a database that is away or overloaded: 08 connection exception, 53
   * insufficient resources, 57P admin/crash shutdown and "cannot connect now", 40 transaction
   * rollback (serialization failure, deadlock: trying the pass again resolves them).
   */
  private static boolean outageState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.startsWith("40"));
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause.getCause();
    return next == cause ? null : next;
  }
}
