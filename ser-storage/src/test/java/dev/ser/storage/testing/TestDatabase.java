package dev.ser.storage.testing;

import dev.ser.storage.database.Database;
import dev.ser.storage.database.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded PostgreSQL for all integration tests of a JVM (starting one takes seconds), in a
 * fresh directory under {@code target/}, emptied before each test with {@link #empty()}.
 */
public final class TestDatabase {
  private static Database database;

  private TestDatabase() {}

  public static synchronized Database get() {
    if (database == null) {
      try {
        Path directory = Files.createTempDirectory(Path.of("target"), "it-db-");
        database = Database.start(DatabaseSettings.embedded(directory).withMaxPoolSize(4));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(database::close));
    }
    return database;
  }

  /** Removes every row, keeping the schema. */
  public static void empty() {
    try (Connection connection = get().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "TRUNCATE jobs, shares, predictions, recordings, sample_recordings, api_tokens, audit_log, users");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number of rows in a table, counted with plain SQL, independent of the code under test. */
  public static long rows(String table) {
    try (Connection connection = get().dataSource().getConnection();
        Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
