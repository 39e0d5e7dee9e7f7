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
    Database database, String temporalAddress, String temporalNamespace, Map<String, String> raw) {

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
    return properties;
  }
}
