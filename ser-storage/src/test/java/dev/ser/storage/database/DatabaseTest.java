package dev.ser.storage.database;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void poolTimeoutsRefusedConnectionsAndShutdownsAreConnectionFailures() {
    assertThat(
            Database.isConnectionFailure(
                new PersistenceException(new SQLTransientConnectionException("pool timed out"))))
        .isTrue();
    assertThat(Database.isConnectionFailure(new RuntimeException(new ConnectException("refused"))))
        .isTrue();
    assertThat(Database.isConnectionFailure(new SQLException("gone", "08006"))).isTrue();
    assertThat(Database.isConnectionFailure(new SQLException("admin shutdown", "57P01"))).isTrue();
  }

  @Test
  void constraintViolationsAreNotConnectionFailures() {
    assertThat(
            Database.isConnectionFailure(
                new PersistenceException(new SQLException("fk violated", "23503"))))
        .isFalse();
    assertThat(Database.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void aLeftoverServerIsRecognisedOnlyForItsOwnDataDirectory() {
    Path mine = Path.of("/srv/ser/data/postgres");
    String leftover =
        "/tmp/embedded-pg/PG-abc/bin/postgres -D /srv/ser/data/postgres -p 41234 -F -c timezone=UTC";
    assertThat(Database.isPostgresOf(leftover, mine)).isTrue();
    assertThat(Database.isPostgresOf(leftover.replace("/srv/ser/data", "/srv/other"), mine))
        .isFalse();
    assertThat(Database.isPostgresOf("/usr/bin/vim -D /srv/ser/data/postgres -p 1", mine))
        .isFalse();
  }
}
