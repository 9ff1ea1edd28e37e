package dev.ser.training.bench;

import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.blob.AudioStoreSettings;
import dev.ser.storage.database.Database;
import dev.ser.storage.database.DatabaseSettings;
import dev.ser.storage.recording.Consistency;
import dev.ser.storage.recording.ConsistencyCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's own database and blob store, opened from this process to count what a load run left
 * behind ({@link ConsistencyCheck}) and to time the storage stages. The database is the one the
 * server uses: {@code SER_DB_URL} if set, else the embedded PostgreSQL under the data directory,
 * whose port is the fourth line of its {@code postmaster.pid}. The store is chosen from the same
 * environment variables the server reads.
 */
public final class StoreCheck implements AutoCloseable {
  private static final String EMBEDDED_USER = "postgres";
  private static final String EMBEDDED_DATABASE = "ser";
  private static final int POOL_SIZE = 2;

  /**
   * Flyway's and the database's start-up chatter would split the benchmark's table; warnings still
   * show. Held here because java.util.logging keeps loggers only weakly.
   */
  private static final List<Logger> QUIET =
      List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("dev.ser.storage"));

  static {
    QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
  }

  private final Database database;
  private final AudioStore store;

  private StoreCheck(Database database, AudioStore store) {
    this.database = database;
    this.store = store;
  }

  public static StoreCheck open(Path dataDir) throws IOException {
    Optional<String> externalUrl = env("SER_DB_URL");
    DatabaseSettings settings =
        externalUrl.isPresent()
            ? DatabaseSettings.external(
                externalUrl.get(), env("SER_DB_USER").orElse(""), env("SER_DB_PASSWORD").orElse(""))
            : DatabaseSettings.external(
                "jdbc:postgresql://127.0.0.1:"
                    + embeddedPort(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    + "/"
                    + EMBEDDED_DATABASE,
                EMBEDDED_USER,
                "");
    Database database = Database.start(settings.withMaxPoolSize(POOL_SIZE));
    try {
      AudioStore store =
          AudioStore.open(
              AudioStoreSettings.choose(
                  env("SER_BLOB_CONNECTION_STRING"),
                  env("SER_BLOB_ENDPOINT"),
                  env("SER_BLOB_ACCOUNT_NAME"),
                  env("SER_BLOB_ACCOUNT_KEY"),
                  env("SER_BLOB_SAS_TOKEN"),
                  env("SER_BLOB_CONTAINER").orElse("ser-audio"),
                  dataDir));
      return new StoreCheck(database, store);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The port of a running embedded PostgreSQL, from its {@code postmaster.pid}. */
  static int embeddedPort(Path postmasterPid) throws IOException {
    if (!Files.isRegularFile(postmasterPid)) {
      throw new IOException(
          "no embedded PostgreSQL running: "
              + postmasterPid
              + " is missing (pass the server's --data-dir, or set SER_DB_URL)");
    }
    return portOf(Files.readAllLines(postmasterPid, StandardCharsets.US_ASCII));
  }

  /**
   * The port line of a {@code postmaster.pid} (PostgreSQL writes the pid, the data directory, the
   * start time, then the port).
   */
  static int portOf(List<String> postmasterPid) throws IOException {
    if (postmasterPid.size() < 4 || !postmasterPid.get(3).strip().matches("\\d{1,5}")) {
      throw new IOException("postmaster.pid has no port on its fourth line");
    }
    return Integer.parseInt(postmasterPid.get(3).strip());
  }

  public Consistency check() {
    return new ConsistencyCheck(database, store).run();
  }

  Database database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
