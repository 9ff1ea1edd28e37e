package dev.ser.storage.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.account.Users;
import dev.ser.storage.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseIT {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path data;

  @Test
  void embeddedHistorySurvivesARestartAndStaysApartFromOtherDatabases() {
    TestDatabase.empty();
    Account anna;
    try (Database first = Database.start(DatabaseSettings.embedded(data))) {
      assertThat(first.isEmbedded()).isTrue();
      anna =
          first.inTransaction(
              em ->
                  new Users(em)
                      .register(new Username("anna"), new PasswordHash("h"), Role.USER, NOW));
      assertThat(TestDatabase.rows("users")).as("the other database in this JVM").isZero();
    }

    try (Database second = Database.start(DatabaseSettings.embedded(data))) {
      Optional<Account> found =
          second.inTransaction(em -> new Users(em).findByUsername(new Username("anna")));
      assertThat(found).contains(anna);
    }
  }

  @Test
  void aSecondApplicationOnTheSameDataDirectoryIsRefusedAndLeavesTheFirstRunning() {
    try (Database first = Database.start(DatabaseSettings.embedded(data))) {
      assertThatThrownBy(() -> Database.start(DatabaseSettings.embedded(data)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use");
      assertThat(first.isHealthy()).isTrue();
    }
  }

  @Test
  void schemaComesFromTheFlywayMigrations() throws Exception {
    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet applied =
            statement.executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL"
                    + " ORDER BY installed_rank")) {
      assertThat(applied.next()).isTrue();
      assertThat(applied.getString("version")).isEqualTo("1");
      assertThat(applied.getBoolean("success")).isTrue();
    }
  }

  @Test
  void embeddedServerListensOnLoopbackOnly() throws Exception {
    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet setting = statement.executeQuery("SHOW listen_addresses")) {
      setting.next();
      assertThat(setting.getString(1)).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void unreachableExternalServerFailsFastAsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                Database.start(
                    DatabaseSettings.external(
                        "jdbc:postgresql://127.0.0.1:" + closedPort + "/ser?password=hunter2",
                        "ser",
                        "secret")))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("secret");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void outageIsUnavailableAndTheSameDatabaseRecoversWhenTheServerIsBack() throws Exception {
    Path pgData = data.resolve("external");
    EmbeddedPostgres server = startServer(pgData, 0);
    int port = server.getPort();
    try (Database database =
        Database.start(
            DatabaseSettings.external(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", ""))) {
      assertThat(database.isHealthy()).isTrue();
      server.close();

      assertThat(database.isHealthy()).isFalse();
      assertThatThrownBy(() -> database.inTransaction(em -> new Users(em).anyAdmin()))
          .isInstanceOf(StorageUnavailableException.class)
          .extracting(e -> ((StorageUnavailableException) e).code())
          .isEqualTo("database_unavailable");

      server = startServer(pgData, port);
      // A pooled connection from before the outage may fail one more request with 503; the
      // contract is that the same Database serves again within seconds, without a restart.
      assertThat(firstSuccessWithin(Duration.ofSeconds(15), database)).isFalse();
      assertThat(database.isHealthy()).isTrue();
    } finally {
      server.close();
    }
  }

  private static boolean firstSuccessWithin(Duration limit, Database database)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        return database.inTransaction(em -> new Users(em).anyAdmin());
      } catch (StorageUnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static EmbeddedPostgres startServer(Path pgData, int port) throws Exception {
    var builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1");
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }
}
