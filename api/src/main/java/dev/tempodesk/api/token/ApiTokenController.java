package dev.tempodesk.api.token;

import dev.tempodesk.api.security.CurrentActor;
import dev.tempodesk.api.token.ApiTokenDtos.ApiTokenDto;
import dev.tempodesk.api.token.ApiTokenDtos.ApiTokenRequest;
import dev.tempodesk.api.token.ApiTokenDtos.CreatedApiToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens (issue 22): for integrations, sent as {@code Authorization: Bearer <secret>}. Managed
 * only from a signed-in session (a token cannot make or list tokens).
 */
@SecurityScheme(
    name = "apiToken",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "tdk_<43 characters>",
    description =
        "An API token from POST /api/tokens, as Authorization: Bearer tdk_…. It acts as its owner"
            + " limited by its scopes: tickets:read, tickets:write, people:read, people:write,"
            + " stats:read, admin (everything else). No CSRF token and no session. The web app"
            + " signs in with a session cookie instead (POST /api/auth/login) and sends"
            + " X-XSRF-TOKEN on changes.")
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens")
@EnableConfigurationProperties(ApiTokenSettings.class)
class ApiTokenController {
  private final ApiTokens tokens;
  private final CurrentActor actor;

  ApiTokenController(ApiTokens tokens, CurrentActor actor) {
    this.tokens = tokens;
    this.actor = actor;
  }

  @GetMapping
  @Operation(
      operationId = "listApiTokens",
      summary = "One's own personal tokens, newest first; admins also every service token")
  List<ApiTokenDto> list() {
    return tokens.list(actor.required());
  }

  @PostMapping
  @Operation(
      operationId = "createApiToken",
      summary = "Create a token; its secret is in this answer only",
      description =
          "A personal token acts as its creator; a service token (admins) is owned by the admin"
              + " who creates it and listed for every admin. Either never exceeds its owner's"
              + " role, and stops working when the owner is deactivated.")
  ResponseEntity<CreatedApiToken> create(@RequestBody ApiTokenRequest request) {
    CreatedApiToken created = tokens.create(request, actor.required());
    return ResponseEntity.created(URI.create("/api/tokens/" + created.token().id())).body(created);
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "revokeApiToken",
      summary = "Revoke a token (one's own; admins any); it is refused from now on")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    tokens.revoke(id, actor.required());
    return ResponseEntity.noContent().build();
  }
}
