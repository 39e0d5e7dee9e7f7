package dev.tempodesk.api.security;

import dev.tempodesk.api.error.TooManyRequestsException;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.security.LoginThrottleRepository;
import dev.tempodesk.db.security.LoginThrottleRepository.Failures;
import dev.tempodesk.db.security.LoginThrottleRepository.Spread;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in throttling that a stranger cannot turn against a user (OWASP Authentication Cheat Sheet:
 * growing delays rather than lock-outs). All state lives in Postgres (V15), so every replica
 * decides the same.
 *
 * <ul>
 *   <li>Per (address, client) pair: after {@code failuresBeforeDelay} failures the pair waits
 *       {@code firstDelay}, doubling with every further failure, at most {@code maxDelay}. Attempts
 *       refused while waiting do not count. A successful sign-in of the pair forgets its failures.
 *   <li>Per client, over all addresses: past {@code maxFailuresPerClient} failures the client waits
 *       likewise, but only for addresses it has failed on. A correct password for an address the
 *       client has not failed on is never refused; a wrong one answers 429 as well.
 *   <li>Per address: when it fails from {@code alertClients} clients and {@code alertFailures}
 *       times within the window, every active admin gets one in-app notification per window.
 * </ul>
 *
 * An attempt is charged to its pair before the password is checked, so concurrent guesses of one
 * pair see each other; a success takes the charge back.
 */
@Component
class LoginRateLimiter {
  private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);
  static final String ALERT_EVENT = "SIGN_IN_FAILURES";

  private final LoginThrottleRepository throttle;
  private final AgentRepository agents;
  private final NotificationRepository notifications;
  private final TransactionTemplate transaction;
  private final SecuritySettings.Login settings;
  private final Clock clock;

  LoginRateLimiter(
      LoginThrottleRepository throttle,
      AgentRepository agents,
      NotificationRepository notifications,
      TransactionTemplate transaction,
      SecuritySettings.Login settings,
      Clock clock) {
    this.throttle = throttle;
    this.agents = agents;
    this.notifications = notifications;
    this.transaction = transaction;
    this.settings = settings;
    this.clock = clock;
  }

  /** A sign-in attempt let through: its password may be checked. */
  record Attempt(String email, String client, Instant at, boolean clientWaiting) {}

  /** Lets the attempt through (charging it to its pair), or refuses it with 429. */
  Attempt begin(String email, String client) {
    Instant now = clock.instant();
    throttle.forgetOlderThan(now.minus(settings.window()));
    return transaction.execute(
        status -> {
          Failures pair = remembered(throttle.lockPair(email, client, now), now);
          Duration pairWait = waitLeft(pair, settings.failuresBeforeDelay(), now);
          if (!pairWait.isZero()) {
            throw tooMany(pairWait);
          }
          Duration clientWait =
              waitLeft(
                  remembered(throttle.lockClient(client, now), now),
                  settings.maxFailuresPerClient(),
                  now);
          if (!clientWait.isZero() && pair.failures() > 0) {
            throw tooMany(clientWait);
          }
          throttle.setPair(email, client, pair.failures() + 1, now);
          return new Attempt(email, client, now, !clientWait.isZero());
        });
  }

  /**
   * The password was wrong. Answers normally (the caller says 401), or throws 429 when the client
   * is past its own limit, so a client spraying many addresses learns to slow down.
   */
  void failed(Attempt attempt) {
    Instant now = attempt.at();
    Duration clientWait =
        transaction.execute(
            status -> {
              Failures client = remembered(throttle.lockClient(attempt.client(), now), now);
              Failures after = new Failures(client.failures() + 1, now);
              throttle.setClient(attempt.client(), after.failures(), now);
              return waitLeft(after, settings.maxFailuresPerClient(), now);
            });
    alertIfSpread(attempt.email(), now);
    if (attempt.clientWaiting() && !clientWait.isZero()) {
      throw tooMany(clientWait);
    }
  }

  void succeeded(Attempt attempt) {
    throttle.clearPair(attempt.email(), attempt.client());
  }

  private void alertIfSpread(String email, Instant now) {
    Instant since = now.minus(settings.window());
    Spread spread = throttle.spreadOf(email, since);
    if (spread.clients() < settings.alertClients()
        || spread.failures() < settings.alertFailures()
        || !throttle.claimAlert(email, now, since)) {
      return;
    }
    log.warn(
        "Sign-in to {} failed {} times from {} clients within {}",
        email,
        spread.failures(),
        spread.clients(),
        settings.window());
    String episode = "sign-in-failures:%s:%d".formatted(email, now.getEpochSecond());
    for (AgentsRecord admin : agents.listActiveWithRole(Role.ADMIN.name())) {
      notifications.insertAgentNotice(
          episode,
          admin.getId(),
          ALERT_EVENT,
          "Many failed sign-ins for " + email,
          "%d failed sign-ins from %d different clients within %d minutes. Each client is slowed down on its own; if this is not the owner mistyping, someone is guessing the password."
              .formatted(spread.failures(), spread.clients(), settings.window().toMinutes()),
          now.atOffset(ZoneOffset.UTC));
    }
  }

  /** Failures older than the window are forgotten. */
  private Failures remembered(Failures failures, Instant now) {
    return failures.lastFailureAt().isBefore(now.minus(settings.window()))
        ? Failures.NONE
        : failures;
  }

  /**
   * How long is left of the wait that {@code failures} earn: none below {@code allowed}, then
   * {@code firstDelay} doubling with each failure, at most {@code maxDelay}, from the last failure.
   */
  private Duration waitLeft(Failures failures, int allowed, Instant now) {
    if (failures.failures() < allowed) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures.failures() - allowed, 40);
    Duration wait = settings.firstDelay();
    for (int i = 0; i < doublings && wait.compareTo(settings.maxDelay()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    wait = wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
    Duration left = Duration.between(now, failures.lastFailureAt().plus(wait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static TooManyRequestsException tooMany(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new TooManyRequestsException(
        "Too many failed sign-ins; try again in " + seconds + " seconds.", wait);
  }
}
