package dev.tempodesk.api.security;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.LOGIN_ALERTS;
import static dev.tempodesk.db.jooq.Tables.LOGIN_CLIENT_THROTTLE;
import static dev.tempodesk.db.jooq.Tables.LOGIN_THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.SettableClock;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.api.error.TooManyRequestsException;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.notification.NotificationRepository;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.security.LoginThrottleRepository;
import dev.tempodesk.db.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Session sign-in, CSRF, sign-in throttling and sessions ending on a password change, through HTTP
 * as the web app uses them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Clients are told apart by X-Forwarded-For from the (loopback) test client, as behind a
      // proxy; the throttling settings are the defaults.
      "server.forward-headers-strategy=native"
    })
@ActiveProfiles("test")
class SignInIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  private static final String CLIENT_A = "203.0.113.7";
  private static final String CLIENT_B = "198.51.100.20";

  /** The app's clock, moved by the tests instead of sleeping. */
  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
  }

  @LocalServerPort int port;
  @Autowired SettableClock clock;
  @Autowired ApplicationContext app;
  @Autowired DSLContext dsl;

  private TestAccounts accounts;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    // Tests sign in from the same few clients; start each with clean counts.
    dsl.deleteFrom(LOGIN_THROTTLE).execute();
    dsl.deleteFrom(LOGIN_CLIENT_THROTTLE).execute();
    dsl.deleteFrom(LOGIN_ALERTS).execute();
  }

  @Test
  void shouldSignInAnAgentAndAnswerWhoIsSignedIn() {
    AgentsRecord manager = accounts.agent("MANAGER");
    HttpApi api = HttpApi.anonymous(port);

    Response login = api.login(manager.getEmail().toUpperCase(), TestAccounts.PASSWORD);

    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    assertThat(login.body().get("id").asLong()).isEqualTo(manager.getId());
    assertThat(login.body().get("kind").asString()).isEqualTo("AGENT");
    assertThat(login.body().get("role").asString()).isEqualTo("MANAGER");
    assertThat(login.body().get("displayName").asString()).isEqualTo(manager.getDisplayName());
    assertThat(login.body().get("email").asString()).isEqualTo(manager.getEmail());
    assertThat(api.cookie("SESSION")).as("the session cookie").isPresent();
    Response me = api.get("/api/auth/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).isEqualTo(login.body());
  }

  @Test
  void shouldSignInAPortalContactAsCustomer() {
    ContactsRecord customer = accounts.customer(null);

    Response login = HttpApi.anonymous(port).login(customer.getEmail(), TestAccounts.PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.body().get("kind").asString()).isEqualTo("CONTACT");
    assertThat(login.body().get("role").asString()).isEqualTo("CUSTOMER");
  }

  @Test
  void shouldRefuseWrongPasswordUnknownAddressAndContactWithoutPortalWith401Problem() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi api = HttpApi.anonymous(port);

    Response wrong = api.login(agent.getEmail(), "not the password");
    Response unknown = api.login("nobody@example.com", TestAccounts.PASSWORD);

    for (Response refused : new Response[] {wrong, unknown}) {
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.body().get("detail").asString()).isEqualTo("Wrong email or password.");
    }
    assertThat(api.get("/api/auth/me").status()).isEqualTo(401);
  }

  @Test
  void shouldAnswerUnauthenticatedApiCallsWith401ProblemNeverARedirect() {
    HttpApi api = HttpApi.anonymous(port);

    Response tickets = api.get("/api/tickets");
    Response me = api.get("/api/auth/me");

    for (Response response : new Response[] {tickets, me}) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("Location")).isNull();
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.problemType()).isEqualTo("urn:tempodesk:problem:unauthenticated");
    }
    assertThat(api.cookie(HttpApi.CSRF_COOKIE))
        .as("GET /api/auth/me sets the CSRF cookie")
        .isPresent();
  }

  @Test
  void shouldEndTheSessionOnLogout() {
    HttpApi api = TestAccounts.signIn(port, accounts.agent("AGENT").getEmail());
    assertThat(api.get("/api/tickets").status()).isEqualTo(200);

    assertThat(api.logout().status()).isEqualTo(204);

    assertThat(api.get("/api/tickets").status()).isEqualTo(401);
    assertThat(api.get("/api/auth/me").status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseStateChangesWithoutTheCsrfHeaderWith403Problem() {
    AgentsRecord manager = accounts.agent("MANAGER");
    HttpApi api = TestAccounts.signIn(port, manager.getEmail());
    String ticket =
        json(
            Map.of("subject", "Forged", "description", "d", "reporterEmail", "forged@example.com"));

    Response forged = api.postWithoutCsrfHeader("/api/tickets", ticket);
    Response forgedLogin =
        HttpApi.anonymous(port)
            .postWithoutCsrfHeader(
                "/api/auth/login",
                json(Map.of("email", manager.getEmail(), "password", TestAccounts.PASSWORD)));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
    assertThat(forged.body().get("detail").asString()).contains("X-XSRF-TOKEN");
    assertThat(forgedLogin.status()).isEqualTo(403);
    assertThat(api.get("/api/tickets?text=Forged").body().get("items")).isEmpty();
    assertThat(api.post("/api/tickets", ticket).status()).isEqualTo(201);
  }

  @Test
  void shouldIssueANewCsrfTokenAtSignIn() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi api = HttpApi.anonymous(port);
    api.get("/api/auth/csrf");
    String before = api.cookie(HttpApi.CSRF_COOKIE).orElseThrow();

    api.login(agent.getEmail(), TestAccounts.PASSWORD);

    assertThat(api.cookie(HttpApi.CSRF_COOKIE)).isPresent().get().isNotEqualTo(before);
  }

  @Test
  void shouldMakeAnAddressAndClientPairWaitLongerAfterEachFailureButNotOtherClients() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi attacker = HttpApi.anonymousFrom(port, CLIENT_A);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(attacker.login(agent.getEmail(), "guess-" + attempt).status()).isEqualTo(401);
    }

    List<Long> waits = new ArrayList<>();
    for (int attempt = 6; attempt <= 9; attempt++) {
      Response limited = attacker.login(agent.getEmail(), TestAccounts.PASSWORD);
      assertThat(limited.status()).as("even the right password waits").isEqualTo(429);
      assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
      assertThat(limited.body().get("status").asInt()).isEqualTo(429);
      long retryAfter = Long.parseLong(limited.header("Retry-After"));
      waits.add(retryAfter);
      clock.advance(Duration.ofSeconds(retryAfter - 1));
      assertThat(attacker.login(agent.getEmail(), "guess-" + attempt).status())
          .as("a second early")
          .isEqualTo(429);
      clock.advance(Duration.ofSeconds(1));
      assertThat(attacker.login(agent.getEmail(), "guess-" + attempt).status()).isEqualTo(401);
    }

    assertThat(waits).as("the wait doubles with each failure").containsExactly(1L, 2L, 4L, 8L);
    assertThat(HttpApi.anonymousFrom(port, CLIENT_B).login(agent.getEmail(), TestAccounts.PASSWORD))
        .extracting(Response::status)
        .as("the owner elsewhere")
        .isEqualTo(200);
    assertThat(attacker.get("/api/auth/me").status()).isEqualTo(401);
  }

  @Test
  void shouldNeverLetAStrangersFailuresLockTheAdminOut() {
    AgentsRecord admin = accounts.agent("ADMIN");
    HttpApi stranger = HttpApi.anonymousFrom(port, CLIENT_A);
    List<Long> waits = new ArrayList<>();
    int failures = 0;
    while (failures < 50) {
      Response guess = stranger.login(admin.getEmail(), "guess-" + failures);
      if (guess.status() == 429) {
        long retryAfter = Long.parseLong(guess.header("Retry-After"));
        waits.add(retryAfter);
        clock.advance(Duration.ofSeconds(retryAfter));
      } else {
        assertThat(guess.status()).isEqualTo(401);
        failures++;
      }
    }

    // 1 s after the 5th failure, doubling, at most 15 minutes.
    assertThat(waits.subList(0, 11))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L);
    assertThat(waits.subList(11, waits.size())).hasSize(34).containsOnly(900L);
    Response fromB =
        HttpApi.anonymousFrom(port, CLIENT_B).login(admin.getEmail(), TestAccounts.PASSWORD);
    assertThat(fromB.status()).as("the admin from another client, at once").isEqualTo(200);

    // From the stranger's client the admin waits out the pair's current wait, 15 minutes at most
    // after the stranger's last failure, and is then let in.
    HttpApi adminAtA = HttpApi.anonymousFrom(port, CLIENT_A);
    Response early = adminAtA.login(admin.getEmail(), TestAccounts.PASSWORD);
    assertThat(early.status()).isEqualTo(429);
    assertThat(Long.parseLong(early.header("Retry-After"))).isEqualTo(900L);
    clock.advance(Duration.ofMinutes(15));
    assertThat(adminAtA.login(admin.getEmail(), TestAccounts.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void shouldSlowAClientSprayingAddressesButNeverRefuseACorrectPasswordForAnAddressItDidNotFail() {
    AgentsRecord colleague = accounts.agent("AGENT");
    AgentsRecord typist = accounts.agent("AGENT");
    HttpApi office = HttpApi.anonymousFrom(port, CLIENT_A);
    assertThat(office.login(typist.getEmail(), "typo").status()).isEqualTo(401);
    for (int attempt = 1; attempt < 20; attempt++) {
      assertThat(office.login("made-up-" + attempt + "@example.com", "x").status()).isEqualTo(401);
    }

    Response sprayed = office.login("made-up-21@example.com", "x");
    Response typistAgain = office.login(typist.getEmail(), TestAccounts.PASSWORD);
    Response colleagueSignsIn =
        HttpApi.anonymousFrom(port, CLIENT_A).login(colleague.getEmail(), TestAccounts.PASSWORD);

    assertThat(sprayed.status()).as("a wrong password past the client's limit").isEqualTo(429);
    assertThat(sprayed.header("Retry-After")).isNotNull();
    assertThat(typistAgain.status())
        .as("an address this client failed on waits while the client does")
        .isEqualTo(429);
    assertThat(colleagueSignsIn.status())
        .as("an address this client never failed on is never refused")
        .isEqualTo(200);
    clock.advance(Duration.ofSeconds(Long.parseLong(typistAgain.header("Retry-After"))));
    assertThat(office.login(typist.getEmail(), TestAccounts.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void shouldAgreeAcrossTwoLimitersOverOneDatabaseAndLetNoConcurrentGuessSlipThrough()
      throws Exception {
    AgentsRecord agent = accounts.agent("AGENT");
    LoginRateLimiter one = newLimiter();
    LoginRateLimiter two = newLimiter();
    String email = agent.getEmail();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      LoginRateLimiter replica = i % 2 == 0 ? one : two;
      tries.add(
          pool.submit(
              () -> {
                try {
                  replica.failed(replica.begin(email, CLIENT_A));
                  return true;
                } catch (TooManyRequestsException waiting) {
                  return false;
                }
              }));
    }
    int letThrough = 0;
    for (Future<Boolean> attempt : tries) {
      letThrough += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();

    assertThat(letThrough).as("the five free failures, not one more").isEqualTo(5);
    assertThatThrownBy(() -> two.begin(email, CLIENT_A))
        .isInstanceOf(TooManyRequestsException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(one.begin(email, CLIENT_A)).isNotNull();
    assertThatThrownBy(() -> two.begin(email, CLIENT_A))
        .as("the other replica saw that attempt")
        .isInstanceOf(TooManyRequestsException.class);
  }

  @Test
  void shouldTellTheAdminsOnceWhenAnAddressFailsFromManyClients() {
    AgentsRecord target = accounts.agent("MANAGER");
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    for (int client = 1; client <= 6; client++) {
      HttpApi guesser = HttpApi.anonymousFrom(port, "192.0.2." + client);
      for (int attempt = 1; attempt <= 4; attempt++) {
        assertThat(guesser.login(target.getEmail(), "guess-" + attempt).status()).isEqualTo(401);
      }
    }

    JsonNode feed = admin.get("/api/notifications?limit=50").body().get("items");
    List<String> titles = new ArrayList<>();
    feed.forEach(item -> titles.add(item.get("title").asString()));
    assertThat(titles)
        .as("one alert, though the address kept failing after it")
        .containsOnlyOnce("Many failed sign-ins for " + target.getEmail());
    assertThat(
            TestAccounts.signIn(port, target.getEmail())
                .get("/api/notifications?limit=50")
                .body()
                .get("items"))
        .as("an alert for admins only")
        .isEmpty();
  }

  @Test
  void shouldEndAnAgentsSessionsWhenAnAdminSetsTheirPassword() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi laptop = TestAccounts.signIn(port, agent.getEmail());
    HttpApi phone = TestAccounts.signIn(port, agent.getEmail());
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());

    Response changed =
        admin.patch(
            "/api/agents/" + agent.getId(), json(Map.of("password", "a brand new password")));

    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(laptop.get("/api/auth/me").status()).isEqualTo(401);
    assertThat(phone.get("/api/tickets").status()).isEqualTo(401);
    assertThat(admin.get("/api/auth/me").status()).as("the admin's own session").isEqualTo(200);
    assertThat(HttpApi.anonymous(port).login(agent.getEmail(), TestAccounts.PASSWORD).status())
        .isEqualTo(401);
    assertThat(HttpApi.anonymous(port).login(agent.getEmail(), "a brand new password").status())
        .isEqualTo(200);
  }

  @Test
  void shouldKeepTheSessionThatChangedItsOwnPasswordAndEndTheOthers() {
    AgentsRecord admin = accounts.agent("ADMIN");
    HttpApi here = TestAccounts.signIn(port, admin.getEmail());
    HttpApi elsewhere = TestAccounts.signIn(port, admin.getEmail());

    Response changed =
        here.patch("/api/agents/" + admin.getId(), json(Map.of("password", "my own new secret")));

    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
    assertThat(elsewhere.get("/api/auth/me").status()).isEqualTo(401);

    ContactsRecord customer = accounts.customer(null);
    HttpApi portal = TestAccounts.signIn(port, customer.getEmail());
    HttpApi otherTab = TestAccounts.signIn(port, customer.getEmail());
    Response wrongCurrent =
        portal.post(
            "/api/auth/password",
            json(Map.of("currentPassword", "not it", "password", "customer secret 2")));
    Response own =
        portal.post(
            "/api/auth/password",
            json(
                Map.of("currentPassword", TestAccounts.PASSWORD, "password", "customer secret 2")));

    assertThat(wrongCurrent.status()).isEqualTo(422);
    assertThat(wrongCurrent.problemField()).isEqualTo("currentPassword");
    assertThat(own.status()).as(own.body().toString()).isEqualTo(204);
    assertThat(portal.get("/api/portal/tickets").status()).isEqualTo(200);
    assertThat(otherTab.get("/api/portal/tickets").status()).isEqualTo(401);
    assertThat(HttpApi.anonymous(port).login(customer.getEmail(), "customer secret 2").status())
        .isEqualTo(200);
  }

  @Test
  void shouldEndAPortalCustomersSessionsWhenAnAdminResetsTheirPassword() {
    ContactsRecord customer = accounts.customer(null);
    HttpApi portal = TestAccounts.signIn(port, customer.getEmail());
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());

    Response reset =
        admin.put(
            "/api/contacts/" + customer.getId() + "/portal-access",
            json(Map.of("enabled", true, "password", "reset by the admin")));

    assertThat(reset.status()).as(reset.body().toString()).isEqualTo(200);
    assertThat(portal.get("/api/portal/tickets").status()).isEqualTo(401);
  }

  @Test
  void shouldFindTheSessionsOfAnAgentWhoseAddressChangedWhenTheirPasswordChanges() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi idle = TestAccounts.signIn(port, agent.getEmail());
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    String renamed = "renamed-" + agent.getEmail();

    admin.patch("/api/agents/" + agent.getId(), json(Map.of("email", renamed)));
    admin.patch("/api/agents/" + agent.getId(), json(Map.of("password", "after the rename")));

    assertThat(idle.get("/api/auth/me").status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseAPasswordOutsideThePolicyNamingPasswordOnEveryPath() {
    AgentsRecord agent = accounts.agent("AGENT");
    ContactsRecord customer = accounts.customer(null);
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    HttpApi self = TestAccounts.signIn(port, agent.getEmail());

    for (String bad : List.of("        ", "          ", "\t \u00a0        ", "nine char")) {
      List<Response> answers =
          List.of(
              admin.post(
                  "/api/agents",
                  json(
                      Map.of(
                          "email",
                          "policy-" + Math.abs(bad.hashCode()) + "@example.com",
                          "displayName",
                          "P",
                          "role",
                          "AGENT",
                          "password",
                          bad))),
              admin.patch("/api/agents/" + agent.getId(), json(Map.of("password", bad))),
              admin.put(
                  "/api/contacts/" + customer.getId() + "/portal-access",
                  json(Map.of("enabled", true, "password", bad))),
              self.post(
                  "/api/auth/password",
                  json(Map.of("currentPassword", TestAccounts.PASSWORD, "password", bad))));
      for (Response answer : answers) {
        assertThat(answer.status()).as("%s: %s", bad, answer.body()).isEqualTo(422);
        assertThat(answer.problemField()).isEqualTo("password");
      }
    }
    assertThat(self.get("/api/auth/me").status()).as("nothing changed").isEqualTo(200);
    assertThat(
            admin
                .patch("/api/agents/" + agent.getId(), json(Map.of("password", "ten chars!")))
                .status())
        .isEqualTo(200);
  }

  private LoginRateLimiter newLimiter() {
    return new LoginRateLimiter(
        app.getBean(LoginThrottleRepository.class),
        app.getBean(AgentRepository.class),
        app.getBean(NotificationRepository.class),
        app.getBean(TransactionTemplate.class),
        app.getBean(SecuritySettings.Login.class),
        clock);
  }

  @Test
  void shouldForgetEarlierFailuresOfAnAddressAfterASuccessfulSignIn() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi api = HttpApi.anonymous(port);
    for (int attempt = 1; attempt <= 4; attempt++) {
      api.login(agent.getEmail(), "typo-" + attempt);
    }
    assertThat(api.login(agent.getEmail(), TestAccounts.PASSWORD).status()).isEqualTo(200);

    for (int attempt = 1; attempt <= 4; attempt++) {
      api.login(agent.getEmail(), "typo-again-" + attempt);
    }

    assertThat(api.login(agent.getEmail(), TestAccounts.PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void shouldSignOutADeactivatedAgentOnTheirNextRequest() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi api = TestAccounts.signIn(port, agent.getEmail());
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());

    Response deactivated =
        admin.patch("/api/agents/" + agent.getId(), json(Map.of("active", false)));

    assertThat(deactivated.status()).as(deactivated.body().toString()).isEqualTo(200);
    assertThat(api.get("/api/tickets").status()).isEqualTo(401);
    assertThat(api.login(agent.getEmail(), TestAccounts.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void shouldApplyARoleChangeToTheOpenSession() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi api = TestAccounts.signIn(port, agent.getEmail());
    HttpApi admin = TestAccounts.signIn(port, accounts.agent("ADMIN").getEmail());
    assertThat(api.post("/api/organizations", json(Map.of("name", "Initech"))).status())
        .isEqualTo(403);

    admin.patch("/api/agents/" + agent.getId(), json(Map.of("role", "MANAGER")));

    assertThat(api.get("/api/auth/me").body().get("role").asString()).isEqualTo("MANAGER");
    assertThat(api.post("/api/organizations", json(Map.of("name", "Initech"))).status())
        .isEqualTo(201);
  }
}
