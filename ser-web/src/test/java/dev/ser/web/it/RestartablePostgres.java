package dev.ser.web.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * An embedded PostgreSQL that a test can stop and start again on the same port and data directory,
 * as an outage and its end look to an application connected to it: connections refused, then the
 * same server with the same rows.
 */
final class RestartablePostgres implements AutoCloseable {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  private RestartablePostgres(Path dataDirectory, EmbeddedPostgres first) {
    this.dataDirectory = dataDirectory;
    this.port = first.getPort();
    this.running = first;
  }

  /** A new cluster in {@code dataDirectory} (which must not hold one yet) on a free port. */
  static RestartablePostgres create(Path dataDirectory) {
    try {
      return new RestartablePostgres(
          dataDirectory,
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
    }
  }

  /** The URL the application is given; it stays valid across {@link #stop} and {@link #start}. */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
  }

  /** A fast shutdown: open transactions roll back, clients see their connections closed. */
  synchronized void stop() {
    if (running == null) {
      return;
    }
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
    } finally {
      running = null;
    }
  }

  /** The same cluster back on the same port. */
  synchronized void start() {
    if (running != null) {
      return;
    }
    try {
      running =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restart PostgreSQL on port " + port, e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
