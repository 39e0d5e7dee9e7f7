package dev.tempodesk.api.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.tempodesk.api.config.TempodeskProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Session sign-in with CSRF protection for the single-page app, and one explicit rule per endpoint.
 * Anything not listed is denied; {@code AuthorizationMatrixTest} fails for an endpoint without a
 * rule row, so a new endpoint cannot slip through unconsidered.
 */
@Configuration
@EnableConfigurationProperties({SecuritySettings.Login.class, SecuritySettings.Admin.class})
class SecurityConfig {
  private static final String ADMIN = Role.ADMIN.name();
  private static final String CUSTOMER = Role.CUSTOMER.name();
  private static final String[] STAFF = Role.STAFF;
  private static final String[] MANAGEMENT = Role.MANAGEMENT;

  /** The HMAC-signed Nylas webhook is the only state-changing call without a CSRF token. */
  static final String WEBHOOK = "/api/webhooks/nylas";

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      ProblemResponses problems,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      Accounts accounts)
      throws Exception {
    return http.authorizeHttpRequests(SecurityConfig::rules)
        .csrf(csrf -> csrf.spa().csrfTokenRepository(csrfTokens).ignoringRequestMatchers(WEBHOOK))
        .headers(BrowserHardening::headers)
        .securityContext(context -> context.securityContextRepository(contexts))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new SessionRefreshFilter(accounts, contexts), AuthorizationFilter.class)
        .addFilterBefore(ApiTokenFilter.of(http), CsrfFilter.class)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  private static void rules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          auth) {
    // Error pages and forwards (the web app's index.html) are decided by the original request.
    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();

    auth.requestMatchers(POST, "/api/auth/login", "/api/auth/logout").permitAll();
    auth.requestMatchers(GET, "/api/auth/csrf").permitAll();
    // A portal invitation link is its own credential (single use, expiring; PortalInvitations).
    auth.requestMatchers(GET, "/api/auth/invitations/*").permitAll();
    auth.requestMatchers(POST, "/api/auth/invitations/*").permitAll();
    auth.requestMatchers(GET, "/api/auth/me").authenticated();
    auth.requestMatchers(POST, "/api/auth/password").authenticated();

    auth.requestMatchers(GET, "/api/tickets", "/api/tickets/*").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tickets/*/messages", "/api/tickets/*/events").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tickets/*/export").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/tickets").hasAnyRole(STAFF);
    // Agents may assign only themselves; AssignmentRights checks the field.
    auth.requestMatchers(PATCH, "/api/tickets/*").hasAnyRole(STAFF);
    // Each ticket of a bulk action is changed with its starter's rights (BulkActionActivitiesImpl).
    auth.requestMatchers(POST, "/api/tickets/bulk").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tickets/bulk/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/tickets/*/replies", "/api/tickets/*/notes").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/tickets/*/replies/*/retry").hasAnyRole(STAFF);
    // Who else has the ticket open (PresenceController): staff only, never a customer.
    auth.requestMatchers(GET, "/api/tickets/*/presence").hasAnyRole(STAFF);
    auth.requestMatchers(PUT, "/api/tickets/*/presence").hasAnyRole(STAFF);
    auth.requestMatchers(DELETE, "/api/tickets/*/presence").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/customers/*/tickets").hasAnyRole(STAFF);
    // Assist (issue 23): staff on tickets they see; admins switch it (AssistController).
    auth.requestMatchers(GET, "/api/assist").hasAnyRole(STAFF);
    auth.requestMatchers(PUT, "/api/assist/settings").hasRole(ADMIN);
    auth.requestMatchers(GET, "/api/tickets/*/assist/summary", "/api/tickets/*/assist/triage")
        .hasAnyRole(STAFF);
    auth.requestMatchers(
            POST,
            "/api/tickets/*/assist/summary",
            "/api/tickets/*/assist/draft",
            "/api/tickets/*/assist/triage",
            "/api/tickets/*/assist/triage/apply")
        .hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tickets/*/context", "/api/organizations/*/tickets")
        .hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tickets/*/similar").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tags").hasAnyRole(STAFF);
    // Macros (issue 19): who writes shared ones is decided per macro (dev.tempodesk.api.macro).
    auth.requestMatchers(GET, "/api/macros", "/api/macros/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/macros").hasAnyRole(STAFF);
    auth.requestMatchers(PUT, "/api/macros/*").hasAnyRole(STAFF);
    auth.requestMatchers(DELETE, "/api/macros/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/tickets/*/macros/*/preview", "/api/tickets/*/macros/*/apply")
        .hasAnyRole(STAFF);

    auth.requestMatchers(GET, "/api/agents", "/api/agents/*").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/me/signature", "/api/mailboxes/*/signature").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/tickets/*/signature").hasAnyRole(STAFF);
    auth.requestMatchers(PUT, "/api/me/signature").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/agents/*/signature").hasRole(ADMIN);
    auth.requestMatchers(PUT, "/api/agents/*/signature", "/api/mailboxes/*/signature")
        .hasRole(ADMIN);
    auth.requestMatchers(POST, "/api/agents").hasRole(ADMIN);
    auth.requestMatchers(PATCH, "/api/agents/*").hasRole(ADMIN);

    auth.requestMatchers(GET, "/api/contacts", "/api/contacts/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/contacts").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(PATCH, "/api/contacts/*").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(PUT, "/api/contacts/*/portal-access").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(POST, "/api/contacts/*/merge").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(GET, "/api/contacts/*/merges").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/contacts/*/portal-invitation").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(GET, "/api/contacts/*/portal-invitations").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/organizations", "/api/organizations/*").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/organizations/*/assets").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/organizations", "/api/organizations/*/assets")
        .hasAnyRole(MANAGEMENT);
    auth.requestMatchers(PATCH, "/api/organizations/*", "/api/organizations/*/assets/*")
        .hasAnyRole(MANAGEMENT);
    auth.requestMatchers(DELETE, "/api/organizations/*/assets/*").hasAnyRole(MANAGEMENT);

    auth.requestMatchers(GET, "/api/portal/tickets", "/api/portal/tickets/*").hasRole(CUSTOMER);
    auth.requestMatchers(POST, "/api/portal/tickets", "/api/portal/tickets/*/replies")
        .hasRole(CUSTOMER);

    // Agents any; customers only files of public messages of their own tickets
    // (AttachmentDownloads).
    auth.requestMatchers(GET, "/api/attachments/*").authenticated();

    auth.requestMatchers(GET, "/api/stats", "/api/stats/**").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(GET, "/api/sla-policies", "/api/sla-policies/match").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/sla-policies/recalculations/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/sla-policies").hasRole(ADMIN);
    auth.requestMatchers(PUT, "/api/sla-policies/*").hasRole(ADMIN);
    auth.requestMatchers(DELETE, "/api/sla-policies/*").hasRole(ADMIN);
    auth.requestMatchers(GET, "/api/business-calendars", "/api/business-calendars/*")
        .hasAnyRole(STAFF);
    auth.requestMatchers(
            POST, "/api/business-calendars", "/api/business-calendars/*/holidays/import")
        .hasRole(ADMIN);
    auth.requestMatchers(PUT, "/api/business-calendars/*").hasRole(ADMIN);
    auth.requestMatchers(DELETE, "/api/business-calendars/*").hasRole(ADMIN);
    auth.requestMatchers(GET, "/api/assignment/queue").hasAnyRole(MANAGEMENT);
    // Routing rules (issue 21): staff read and test them, admins write them.
    auth.requestMatchers(GET, "/api/routing-rules", "/api/routing-rules/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/routing-rules/test").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/routing-rules").hasRole(ADMIN);
    auth.requestMatchers(PUT, "/api/routing-rules/order").hasRole(ADMIN);
    auth.requestMatchers(PATCH, "/api/routing-rules/*").hasRole(ADMIN);
    auth.requestMatchers(DELETE, "/api/routing-rules/*").hasRole(ADMIN);
    // Groups (issue 21): every staff member reads them, admins change them.
    auth.requestMatchers(GET, "/api/groups", "/api/groups/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/groups").hasRole(ADMIN);
    auth.requestMatchers(PATCH, "/api/groups/*").hasRole(ADMIN);
    auth.requestMatchers(DELETE, "/api/groups/*").hasRole(ADMIN);
    // Lifecycle views (issue 22): Temporal's history in plain words.
    auth.requestMatchers(
            GET,
            "/api/tickets/*/lifecycle",
            "/api/mailboxes/*/lifecycle",
            "/api/assignment/lifecycle")
        .hasAnyRole(MANAGEMENT);
    // Saved views (issue 19): each view's rights (own, shared) are checked by SavedViews.
    auth.requestMatchers(GET, "/api/views", "/api/views/*").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/views").hasAnyRole(STAFF);
    auth.requestMatchers(PUT, "/api/views/*").hasAnyRole(STAFF);
    auth.requestMatchers(DELETE, "/api/views/*").hasAnyRole(STAFF);
    auth.requestMatchers(GET, "/api/notifications").authenticated();
    // Live updates, filtered to what the person may see (LiveEvent.visibleTo).
    auth.requestMatchers(GET, "/api/stream").authenticated();
    auth.requestMatchers(POST, "/api/notifications/*/read", "/api/notifications/read-all")
        .authenticated();
    auth.requestMatchers(GET, "/api/mailboxes").hasAnyRole(STAFF);
    // The OAuth callback is a GET with a state we issued; the admin's browser brings the session.
    auth.requestMatchers(GET, "/api/mailboxes/connect", "/api/mailboxes/callback").hasRole(ADMIN);
    auth.requestMatchers(GET, "/api/mailboxes/*/quarantine").hasAnyRole(MANAGEMENT);
    auth.requestMatchers(POST, "/api/mailboxes/*/quarantine/*/retry").hasAnyRole(MANAGEMENT);
    // An inbound file whose download failed: fetched again (issue 17).
    auth.requestMatchers(POST, "/api/attachments/*/retry").hasAnyRole(STAFF);
    auth.requestMatchers(GET, WEBHOOK).permitAll();
    auth.requestMatchers(POST, WEBHOOK).permitAll();
    auth.requestMatchers(POST, "/api/dev/inbound-email").hasAnyRole(STAFF);

    // API tokens (issue 22): each agent their own; admins also the service tokens (ApiTokens).
    auth.requestMatchers(GET, "/api/tokens").hasAnyRole(STAFF);
    auth.requestMatchers(POST, "/api/tokens").hasAnyRole(STAFF);
    auth.requestMatchers(DELETE, "/api/tokens/*").hasAnyRole(STAFF);

    // Webhook subscriptions (issue 22.2): admins only, every method.
    auth.requestMatchers("/api/webhook-subscriptions", "/api/webhook-subscriptions/**")
        .hasRole(ADMIN);

    auth.requestMatchers(GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll();
    auth.requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
        .permitAll();
    // Scrapers cannot sign in; keep the management port off the public network instead
    // (README, Deployment).
    auth.requestMatchers(GET, "/actuator/prometheus").permitAll();
    auth.requestMatchers(GET, "/error").permitAll();
    auth.requestMatchers(webAppFiles()).permitAll();
    auth.anyRequest().denyAll();
  }

  /** The web app's files and client-side routes: GETs outside the API, docs and actuator. */
  static RequestMatcher webAppFiles() {
    return request -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return "GET".equals(request.getMethod())
          && !path.startsWith("/api/")
          && !path.equals("/api")
          && !path.startsWith("/actuator")
          && !path.startsWith("/v3/");
    };
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  CsrfTokenRepository csrfTokenRepository(TempodeskProperties properties) {
    // Readable by the web app's JavaScript, which echoes it in the X-XSRF-TOKEN header.
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookiePath("/");
    if (BrowserHardening.httpsOnly(properties)) {
      repository.setCookieCustomizer(cookie -> cookie.secure(true));
    }
    return repository;
  }

  /** Sign-in goes through AuthController; this only keeps Boot from creating a default user. */
  @Bean
  AuthenticationManager authenticationManager() {
    return authentication -> {
      throw new BadCredentialsException("Sign in with POST /api/auth/login");
    };
  }
}
