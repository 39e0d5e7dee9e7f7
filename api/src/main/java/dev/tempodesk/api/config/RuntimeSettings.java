package dev.tempodesk.api.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the production environment variables and decides which pieces run embedded: Postgres when
 * {@code DATABASE_URL} is absent, Temporal when {@code TEMPORAL_ADDRESS} is absent. A variable that
 * is present but malformed stops the start with a message that names it.
 */
public record RuntimeSettings(
    Database database,
    String temporalAddress,
    String temporalNamespace,
    Nylas nylas,
    String publicBaseUrl,
    Ports ports,
    Map<String, String> raw) {

  /**
   * The ports this process listens on.
   *
   * @param web the HTTP port ({@code PORT}; application.yaml reads it, 0 picks a free one)
   * @param embeddedPostgres the embedded PostgreSQL's port ({@code TEMPODESK_POSTGRES_PORT})
   * @param embeddedTemporal the in-memory Temporal server's port ({@code TEMPODESK_TEMPORAL_PORT})
   */
  public record Ports(int web, int embeddedPostgres, int embeddedTemporal) {
    public static final int DEFAULT_WEB = 8080;
    public static final int DEFAULT_EMBEDDED_POSTGRES = 54329;
    public static final int DEFAULT_EMBEDDED_TEMPORAL = 7233;
  }

  /** The Nylas application, or {@code apiKey == null} for the built-in demo mailbox. */
  public record Nylas(
      String apiKey, String apiUri, String clientId, String webhookSecret, String grantId) {
    public boolean demo() {
      return apiKey == null;
    }
  }

  /** JDBC settings, or {@code null} fields for the embedded database. */
  public record Database(String jdbcUrl, String username, String password) {
    public boolean embedded() {
      return jdbcUrl == null;
    }
  }

  private static final Pattern HOST_PORT = Pattern.compile("^[A-Za-z0-9.\\-\\[\\]:]+:(\\d{1,5})$");
  private static final Pattern NAMESPACE = Pattern.compile("^[A-Za-z0-9._\\-]{1,255}$");

  public static RuntimeSettings from(Map<String, String> env) {
    return new RuntimeSettings(
        database(present(env, "DATABASE_URL")),
        temporalAddress(present(env, "TEMPORAL_ADDRESS")),
        namespace(present(env, "TEMPORAL_NAMESPACE")),
        new Nylas(
            present(env, "NYLAS_API_KEY"),
            httpUrl("NYLAS_API_URI", present(env, "NYLAS_API_URI"), "https://api.us.nylas.com"),
            present(env, "NYLAS_CLIENT_ID"),
            present(env, "NYLAS_WEBHOOK_SECRET"),
            present(env, "NYLAS_GRANT_ID")),
        httpUrl("PUBLIC_BASE_URL", present(env, "PUBLIC_BASE_URL"), null),
        new Ports(
            port("PORT", present(env, "PORT"), Ports.DEFAULT_WEB, 0),
            port(
                "TEMPODESK_POSTGRES_PORT",
                present(env, "TEMPODESK_POSTGRES_PORT"),
                Ports.DEFAULT_EMBEDDED_POSTGRES,
                1),
            port(
                "TEMPODESK_TEMPORAL_PORT",
                present(env, "TEMPODESK_TEMPORAL_PORT"),
                Ports.DEFAULT_EMBEDDED_TEMPORAL,
                1)),
        env);
  }

  public boolean embeddedTemporal() {
    return temporalAddress == null;
  }

  private static String present(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  static Database database(String url) {
    if (url == null) {
      return new Database(null, null, null);
    }
    if (url.startsWith("jdbc:postgresql://")) {
      return new Database(url, null, null);
    }
    String example =
        "postgres://USER:PASSWORD@HOST:5432/DATABASE or jdbc:postgresql://HOST:5432/DATABASE";
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("DATABASE_URL", "is not a URL; expected " + example);
    }
    boolean postgresScheme =
        "postgres".equals(uri.getScheme()) || "postgresql".equals(uri.getScheme());
    if (!postgresScheme
        || uri.getHost() == null
        || uri.getPath() == null
        || uri.getPath().length() < 2) {
      throw new InvalidSettingException("DATABASE_URL", "must look like " + example);
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String jdbcUrl =
        "jdbc:postgresql://"
            + uri.getHost()
            + ":"
            + port
            + uri.getPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
    }
    return new Database(jdbcUrl, user, password);
  }

  private static void putIfPresent(Map<String, Object> properties, String key, String value) {
    if (value != null) {
      properties.put(key, value);
    }
  }

  static String temporalAddress(String address) {
    if (address == null) {
      return null;
    }
    var matcher = HOST_PORT.matcher(address);
    if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > 65535) {
      throw new InvalidSettingException(
          "TEMPORAL_ADDRESS", "must be HOST:PORT, e.g. temporal:7233 (got '" + address + "')");
    }
    return address;
  }

  static int port(String variable, String value, int fallback, int lowest) {
    if (value == null) {
      return fallback;
    }
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < lowest || port > 65535) {
      throw new InvalidSettingException(
          variable, "must be a port number, " + lowest + " to 65535 (got '" + value + "')");
    }
    return port;
  }

  static String namespace(String namespace) {
    if (namespace == null) {
      return "default";
    }
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new InvalidSettingException(
          "TEMPORAL_NAMESPACE",
          "may contain only letters, digits, '.', '_' and '-' (got '" + namespace + "')");
    }
    return namespace;
  }

  public static String httpUrl(String variable, String value, String fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      URI uri = URI.create(value);
      if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          variable,
          "must be an http(s) URL such as https://help.example.com (got '" + value + "')");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  /** The Spring properties these settings stand for. */
  public Map<String, Object> springProperties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (!database.embedded()) {
      properties.put("spring.datasource.url", database.jdbcUrl());
      if (database.username() != null) {
        properties.put("spring.datasource.username", database.username());
      }
      if (database.password() != null) {
        properties.put("spring.datasource.password", database.password());
      }
    }
    properties.put("spring.temporal.namespace", temporalNamespace);
    if (temporalAddress != null) {
      properties.put("spring.temporal.connection.target", temporalAddress);
    }
    if (!nylas.demo()) {
      properties.put("tempodesk.nylas.api-key", nylas.apiKey());
      properties.put("tempodesk.nylas.api-uri", nylas.apiUri());
      putIfPresent(properties, "tempodesk.nylas.client-id", nylas.clientId());
      putIfPresent(properties, "tempodesk.nylas.webhook-secret", nylas.webhookSecret());
      putIfPresent(properties, "tempodesk.nylas.grant-id", nylas.grantId());
    }
    putIfPresent(properties, "tempodesk.public-base-url", publicBaseUrl);
    return properties;
  }
}
