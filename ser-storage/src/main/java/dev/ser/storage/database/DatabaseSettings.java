package dev.ser.storage.database;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which PostgreSQL to use. With a JDBC URL it is an external server (Azure Database for PostgreSQL,
 * Debian's); without one, an embedded PostgreSQL is started whose files live under {@code
 * dataDirectory/postgres}, so history survives restarts.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://host:5432/ser?sslmode=require}; empty for embedded
 * @param user the login for an external server (ignored when embedded)
 * @param password its password, from an environment variable; may be empty
 * @param dataDirectory where the embedded server keeps its files
 * @param embeddedPort the embedded server's port on 127.0.0.1; 0 picks a free one
 * @param maxPoolSize the most connections the pool opens
 */
public record DatabaseSettings(
    Optional<String> jdbcUrl,
    String user,
    String password,
    Path dataDirectory,
    int embeddedPort,
    int maxPoolSize) {
  public static final int DEFAULT_POOL_SIZE = 16;

  public DatabaseSettings {
    jdbcUrl =
        Objects.requireNonNull(jdbcUrl, "jdbcUrl").map(String::strip).filter(u -> !u.isEmpty());
    user = Objects.requireNonNullElse(user, "");
    password = Objects.requireNonNullElse(password, "");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "only PostgreSQL is supported, got " + redacted(jdbcUrl.get()));
    }
    if (embeddedPort < 0 || embeddedPort > 65535) {
      throw new IllegalArgumentException("port out of range: " + embeddedPort);
    }
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("pool size must be positive: " + maxPoolSize);
    }
  }

  /** An embedded server with its files under {@code dataDirectory/postgres}, on a free port. */
  public static DatabaseSettings embedded(Path dataDirectory) {
    return new DatabaseSettings(Optional.empty(), "", "", dataDirectory, 0, DEFAULT_POOL_SIZE);
  }

  /** An external server. */
  public static DatabaseSettings external(String jdbcUrl, String user, String password) {
    return new DatabaseSettings(
        Optional.of(jdbcUrl), user, password, Path.of("."), 0, DEFAULT_POOL_SIZE);
  }

  public DatabaseSettings withMaxPoolSize(int size) {
    return new DatabaseSettings(jdbcUrl, user, password, dataDirectory, embeddedPort, size);
  }

  public boolean isEmbedded() {
    return jdbcUrl.isEmpty();
  }

  /** The URL with any {@code password=} parameter masked, for logs. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public String toString() {
    return isEmbedded()
        ? "embedded PostgreSQL in " + dataDirectory.resolve("postgres")
        : "PostgreSQL at " + redacted(jdbcUrl.get()) + " as " + user;
  }
}
