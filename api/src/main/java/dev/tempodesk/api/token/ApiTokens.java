package dev.tempodesk.api.token;

import dev.tempodesk.api.error.FieldException;
import dev.tempodesk.api.error.NotFoundException;
import dev.tempodesk.api.security.Role;
import dev.tempodesk.api.security.SignedInUser;
import dev.tempodesk.api.security.TokenScope;
import dev.tempodesk.api.token.ApiTokenDtos.ApiTokenDto;
import dev.tempodesk.api.token.ApiTokenDtos.ApiTokenRequest;
import dev.tempodesk.api.token.ApiTokenDtos.CreatedApiToken;
import dev.tempodesk.api.validation.Instants;
import dev.tempodesk.db.jooq.tables.records.AgentsRecord;
import dev.tempodesk.db.jooq.tables.records.ApiTokensRecord;
import dev.tempodesk.db.people.AgentRepository;
import dev.tempodesk.db.security.ApiTokenRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * API tokens: made, listed, revoked and checked here. A secret is {@code tdk_} and 32 random bytes
 * in base64url; only its SHA-256 is stored (the secret has 256 bits of entropy, so a fast hash is
 * enough), with its first {@value #LOOKUP_CHARS} characters as the lookup prefix. A personal token
 * belongs to the agent who makes it; a service token is made by an admin, owned by that admin (so
 * it works only while they are an active admin) and shown to and revocable by every admin.
 */
@Component
public class ApiTokens {
  static final String SECRET_PREFIX = "tdk_";
  static final int LOOKUP_CHARS = SECRET_PREFIX.length() + 8;
  private static final int SECRET_BYTES = 32;
  private static final int SECRET_CHARS = SECRET_PREFIX.length() + 43;
  private static final int MAX_NAME = 80;
  private static final int MAX_AGENT = 200;

  /** A token's use is written at most this often (per token, per replica and in the database). */
  static final Duration USE_INTERVAL = Duration.ofMinutes(1);

  private final ApiTokenRepository repository;
  private final AgentRepository agents;
  private final ApiTokenSettings settings;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, Instant> usesRecorded = new ConcurrentHashMap<>();

  ApiTokens(
      ApiTokenRepository repository,
      AgentRepository agents,
      ApiTokenSettings settings,
      Clock clock) {
    this.repository = repository;
    this.agents = agents;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a presented secret is worth. */
  public sealed interface Verdict {}

  /** A usable token (owner still to be checked by the caller). */
  public record Valid(long id, long ownerId, String name, Set<TokenScope> scopes)
      implements Verdict {}

  /** Not usable; {@code reason} says why, for the 401. */
  public record Refused(String reason) implements Verdict {}

  public Verdict verify(String secret) {
    if (secret.length() != SECRET_CHARS || !secret.startsWith(SECRET_PREFIX)) {
      return new Refused("Not a Tempodesk API token.");
    }
    Optional<ApiTokensRecord> found = repository.findByPrefix(secret.substring(0, LOOKUP_CHARS));
    if (found.isEmpty() || !MessageDigest.isEqual(hash(secret), found.get().getSecretHash())) {
      return new Refused("Unknown API token.");
    }
    ApiTokensRecord token = found.get();
    if (token.getRevokedAt() != null) {
      return new Refused("This API token was revoked.");
    }
    if (expired(token, clock.instant())) {
      return new Refused("This API token expired at " + token.getExpiresAt().toInstant() + ".");
    }
    return new Valid(token.getId(), token.getOwnerId(), token.getName(), scopes(token));
  }

  /** Notes the token's use, unless it was noted less than {@link #USE_INTERVAL} ago. */
  public void recordUse(long id, String ip, String userAgent) {
    Instant now = clock.instant();
    Instant last = usesRecorded.get(id);
    if (last != null && last.isAfter(now.minus(USE_INTERVAL))) {
      return;
    }
    usesRecorded.put(id, now);
    String agent =
        userAgent == null ? null : userAgent.substring(0, Math.min(MAX_AGENT, userAgent.length()));
    repository.recordUse(id, now, ip, agent, USE_INTERVAL);
  }

  CreatedApiToken create(ApiTokenRequest request, SignedInUser creator) {
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw FieldException.invalid("name", "Give the token a name of 1 to 80 characters.");
    }
    Set<TokenScope> scopes = parseScopes(request.scopes());
    boolean admin = creator.role() == Role.ADMIN;
    if (scopes.contains(TokenScope.ADMIN) && !admin) {
      throw FieldException.forbidden("scopes", "Only admins may give a token the admin scope.");
    }
    boolean service = Boolean.TRUE.equals(request.service());
    if (service && !admin) {
      throw FieldException.forbidden("service", "Only admins may create service tokens.");
    }
    Instant now = clock.instant();
    Instant expiresAt = expiry(request.expiresAt(), now);
    while (true) {
      String secret = newSecret();
      Optional<ApiTokensRecord> stored =
          repository.insert(
              new ApiTokenRepository.NewToken(
                  creator.id(),
                  service ? "SERVICE" : "PERSONAL",
                  name,
                  scopes.stream().map(TokenScope::value).toList(),
                  secret.substring(0, LOOKUP_CHARS),
                  hash(secret),
                  creator.id(),
                  expiresAt));
      if (stored.isPresent()) {
        return new CreatedApiToken(dto(stored.get(), creator.displayName(), now), secret);
      }
      // Another token has this prefix (one in 2^48): draw again.
    }
  }

  List<ApiTokenDto> list(SignedInUser viewer) {
    Instant now = clock.instant();
    return repository.listFor(viewer.id(), viewer.role() == Role.ADMIN).stream()
        .map(token -> dto(token, ownerName(token.getOwnerId()), now))
        .toList();
  }

  /** Revokes a token of one's own, or (admins) any token; revoking twice changes nothing. */
  void revoke(long id, SignedInUser by) {
    ApiTokensRecord token =
        repository
            .find(id)
            .filter(found -> found.getOwnerId() == by.id() || by.role() == Role.ADMIN)
            .orElseThrow(() -> new NotFoundException("No API token " + id + " of yours."));
    repository.revoke(token.getId(), by.id(), clock.instant());
  }

  private Set<TokenScope> parseScopes(List<String> given) {
    if (given == null || given.isEmpty()) {
      throw FieldException.invalid("scopes", "Choose at least one scope.");
    }
    Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
    for (String value : given) {
      scopes.add(
          TokenScope.of(value)
              .orElseThrow(
                  () ->
                      FieldException.invalid(
                          "scopes",
                          "Unknown scope '"
                              + value
                              + "'; known: "
                              + String.join(", ", knownScopes())
                              + ".")));
    }
    return scopes;
  }

  private Instant expiry(Instant requested, Instant now) {
    if (requested == null) {
      return settings.limited() ? now.plus(settings.maxLifetime()) : null;
    }
    Instants.storable("expiresAt", requested);
    if (!requested.isAfter(now)) {
      throw FieldException.invalid("expiresAt", "The expiry must be in the future.");
    }
    if (settings.limited() && requested.isAfter(now.plus(settings.maxLifetime()))) {
      throw FieldException.invalid(
          "expiresAt", "A token may live at most " + settings.maxLifetime().toDays() + " days.");
    }
    return requested;
  }

  private String ownerName(long ownerId) {
    return agents.find(ownerId).map(AgentsRecord::getDisplayName).orElse("#" + ownerId);
  }

  private static ApiTokenDto dto(ApiTokensRecord token, String ownerName, Instant now) {
    return new ApiTokenDto(
        token.getId(),
        token.getName(),
        token.getKind(),
        List.of(token.getScopes()),
        token.getPrefix(),
        token.getOwnerId(),
        ownerName,
        instant(token.getCreatedAt()),
        instant(token.getExpiresAt()),
        instant(token.getLastUsedAt()),
        token.getLastUsedIp(),
        token.getLastUsedAgent(),
        instant(token.getRevokedAt()),
        token.getRevokedAt() == null && !expired(token, now));
  }

  private static boolean expired(ApiTokensRecord token, Instant now) {
    return token.getExpiresAt() != null && !token.getExpiresAt().toInstant().isAfter(now);
  }

  private static Set<TokenScope> scopes(ApiTokensRecord token) {
    Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
    Arrays.stream(token.getScopes())
        .map(TokenScope::of)
        .flatMap(Optional::stream)
        .forEach(scopes::add);
    return scopes;
  }

  private static List<String> knownScopes() {
    return Arrays.stream(TokenScope.values()).map(TokenScope::value).toList();
  }

  private String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
