package dev.tempodesk.api.security;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.UnauthorizedException;
import dev.tempodesk.api.people.PortalInvitations;
import dev.tempodesk.api.validation.Addresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Session sign-in for the web app and the portal (JSON, no HTML login page). */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Sign-in")
class AuthController {
  private final Accounts accounts;
  private final LoginRateLimiter rateLimiter;
  private final SecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;
  private final CurrentActor current;
  private final Passwords passwords;
  private final PersonSessions sessions;
  private final PortalInvitations invitations;

  AuthController(
      Accounts accounts,
      LoginRateLimiter rateLimiter,
      SecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      CurrentActor current,
      Passwords passwords,
      PersonSessions sessions,
      PortalInvitations invitations) {
    this.accounts = accounts;
    this.rateLimiter = rateLimiter;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
    this.current = current;
    this.passwords = passwords;
    this.sessions = sessions;
    this.invitations = invitations;
  }

  record LoginRequest(
      @NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {}

  @Schema(description = "The signed-in person")
  record SignedInDto(long id, String kind, String role, String displayName, String email) {
    static SignedInDto from(SignedInUser user) {
      return new SignedInDto(
          user.id(), user.kind().name(), user.role().name(), user.displayName(), user.email());
    }
  }

  @PostMapping("/login")
  @Operation(
      operationId = "login",
      summary = "Sign in with email and password; starts a session (cookie)",
      description =
          "Needs the X-XSRF-TOKEN header like every state-changing call (GET /api/auth/csrf"
              + " sets the XSRF-TOKEN cookie). Wrong credentials: 401. Too many failures of this"
              + " address from this client, or from this client for an address it has failed"
              + " on: 429 with Retry-After. A correct password for an address the client has not"
              + " failed on is never throttled.")
  SignedInDto login(
      @Valid @RequestBody LoginRequest login,
      HttpServletRequest request,
      HttpServletResponse response) {
    String email = Addresses.lookupKey(login.email());
    LoginRateLimiter.Attempt attempt = rateLimiter.begin(email, request.getRemoteAddr());
    Optional<SignedInUser> verified = accounts.verify(email, login.password());
    if (verified.isEmpty()) {
      rateLimiter.failed(attempt);
      throw new UnauthorizedException("Wrong email or password.");
    }
    rateLimiter.succeeded(attempt);
    return signIn(verified.get(), request, response);
  }

  /** Starts the person's session (the cookie) and answers who they are. */
  private SignedInDto signIn(
      SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
    // A new session id and a new CSRF token at sign-in, so nothing issued before it stays valid.
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    return SignedInDto.from(user);
  }

  @GetMapping("/invitations/{token}")
  @Operation(
      operationId = "checkPortalInvitation",
      summary = "Whom a portal invitation link is for, while it can be used",
      description = "Unknown: 404 naming token; used, replaced or expired: 409 naming token.")
  PortalInvitations.Invitation checkInvitation(@PathVariable @Size(max = 100) String token) {
    return invitations.check(token);
  }

  @Schema(description = "The password the invited contact chooses")
  record AcceptInvitation(
      @NotNull @Size(max = 200) @Schema(description = "At least 10 characters, not only spaces")
          String password) {}

  @PostMapping("/invitations/{token}")
  @Operation(
      operationId = "acceptPortalInvitation",
      summary = "Use a portal invitation: set the password and sign in (starts a session)",
      description =
          "Works once. Unknown: 404 naming token; used, replaced or expired: 409 naming token; a"
              + " password outside the policy: 422 naming password.")
  SignedInDto acceptInvitation(
      @PathVariable @Size(max = 100) String token,
      @Valid @RequestBody AcceptInvitation accept,
      HttpServletRequest request,
      HttpServletResponse response) {
    String email = invitations.accept(token, accept.password());
    SignedInUser user =
        accounts
            .verify(email, accept.password())
            .orElseThrow(() -> new UnauthorizedException("Wrong email or password."));
    return signIn(user, request, response);
  }

  @Schema(description = "Changes the signed-in person's own password")
  record PasswordChange(
      @NotBlank @Size(max = 200) String currentPassword,
      @NotNull @Size(max = 200) @Schema(description = "At least 10 characters, not only spaces")
          String password) {}

  @PostMapping("/password")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "changeOwnPassword",
      summary = "Change one's own password; ends one's other sessions, this one stays signed in",
      description =
          "A wrong current password answers 422 naming currentPassword and counts as a failed"
              + " sign-in (429 with Retry-After when throttled); a password outside the policy"
              + " 422 naming password.")
  void changeOwnPassword(@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
    SignedInUser user = current.required();
    String hash = passwords.hash("password", change.password());
    LoginRateLimiter.Attempt attempt = rateLimiter.begin(user.email(), request.getRemoteAddr());
    if (!accounts.passwordMatches(user, change.currentPassword())) {
      rateLimiter.failed(attempt);
      throw FieldException.invalid("currentPassword", "That is not your current password.");
    }
    rateLimiter.succeeded(attempt);
    accounts.setPasswordHash(user, hash);
    sessions.passwordChanged(user.kind(), user.id(), user.email());
  }

  @PostMapping("/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(operationId = "logout", summary = "Sign out: ends the session")
  void logout(HttpServletRequest request, HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
  }

  @GetMapping("/me")
  @Operation(
      operationId = "getSession",
      summary = "Who is signed in (401 if nobody); also sets the XSRF-TOKEN cookie")
  SignedInDto me() {
    return SignedInDto.from(current.required());
  }

  @GetMapping("/csrf")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "getCsrfToken",
      summary = "Sets the XSRF-TOKEN cookie; send its value as X-XSRF-TOKEN on state changes")
  void csrf() {
    // The token is rendered into the cookie by the CSRF filter; nothing else to do.
  }
}
