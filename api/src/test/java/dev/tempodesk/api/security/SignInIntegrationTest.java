package dev.tempodesk.api.security;

import static dev.tempodesk.api.HttpApi.json;
import static dev.tempodesk.db.jooq.Tables.LOGIN_ATTEMPTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tempodesk.api.HttpApi;
import dev.tempodesk.api.HttpApi.Response;
import dev.tempodesk.api.TestAccounts;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ContactsRecord;
import dev.tempodesk.db.testing.TestDatabases;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Session sign-in, CSRF and the login rate limit, through HTTP as the web app uses them. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "tempodesk.security.login.max-failures-per-email=5",
      "tempodesk.security.login.max-failures-per-client=8"
    })
@ActiveProfiles("test")
class SignInIntegrationTest {
  private static final TestDatabases.TestDatabase DATABASE = TestDatabases.fresh();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired ApplicationContext app;
  @Autowired DSLContext dsl;

  private TestAccounts accounts;

  @BeforeEach
  void setUp() {
    accounts = TestAccounts.of(app);
    // Every test signs in from 127.0.0.1; start each with a clean per-client count.
    dsl.deleteFrom(LOGIN_ATTEMPTS).execute();
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
  void shouldRateLimitFailedSignInsPerAddressWith429AndRetryAfter() {
    AgentsRecord agent = accounts.agent("AGENT");
    HttpApi api = HttpApi.anonymous(port);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(api.login(agent.getEmail(), "guess-" + attempt).status()).isEqualTo(401);
    }

    Response limited = api.login(agent.getEmail(), TestAccounts.PASSWORD);

    assertThat(limited.status()).as("even the right password waits").isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 15 * 60L);
    assertThat(api.get("/api/auth/me").status()).isEqualTo(401);
    AgentsRecord other = accounts.agent("AGENT");
    assertThat(api.login(other.getEmail(), TestAccounts.PASSWORD).status())
        .as("another address from the same client is not locked yet")
        .isEqualTo(200);
  }

  @Test
  void shouldRateLimitFailedSignInsPerClientAcrossAddresses() {
    HttpApi api = HttpApi.anonymous(port);
    for (int attempt = 1; attempt <= 8; attempt++) {
      assertThat(api.login("guess-" + attempt + "@example.com", "x").status()).isEqualTo(401);
    }

    Response limited = api.login(accounts.agent("AGENT").getEmail(), TestAccounts.PASSWORD);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
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
