package dev.ser.storage.share;

import static dev.ser.storage.testing.Fixtures.audio;
import static dev.ser.storage.testing.Fixtures.prediction;
import static dev.ser.storage.testing.Fixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.storage.account.Users;
import dev.ser.storage.blob.LocalDiskAudioStore;
import dev.ser.storage.database.Database;
import dev.ser.storage.recording.RecordingArchive;
import dev.ser.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharesIT {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path audioDirectory;

  private final Database database = TestDatabase.get();
  private RecordingArchive archive;
  private Account anna;

  @BeforeEach
  void annaWithNoRecordings() {
    TestDatabase.empty();
    archive =
        new RecordingArchive(
            database, new LocalDiskAudioStore(audioDirectory), Clock.fixed(NOW, ZoneOffset.UTC));
    anna =
        database.inTransaction(
            em ->
                new Users(em)
                    .register(new Username("anna"), new PasswordHash("h"), Role.USER, NOW));
  }

  private RecordingId stored(int seed) {
    byte[] bytes = audio(2000, seed);
    AnalysedRecording analysed =
        archive.store(upload(Optional.of(anna.id()), bytes, NOW), bytes, prediction());
    return analysed.id();
  }

  private ShareKey share(RecordingId recording) {
    return database.inTransaction(em -> new Shares(em).share(recording, NOW));
  }

  private Optional<RecordingId> opened(ShareKey key) {
    return database.inTransaction(em -> new Shares(em).recordingOf(key));
  }

  private Optional<Instant> sharedSince(RecordingId recording) {
    return database.inTransaction(em -> new Shares(em).sharedSince(recording));
  }

  @Test
  void aKeyOpensItsRecordingAndNoOther() {
    RecordingId first = stored(1);
    RecordingId second = stored(2);

    ShareKey key = share(first);

    assertThat(key.value()).matches("[A-Za-z0-9_-]{43}");
    assertThat(opened(key)).contains(first);
    assertThat(opened(ShareKey.generate(new java.security.SecureRandom()))).isEmpty();
    assertThat(sharedSince(first)).contains(NOW);
    assertThat(sharedSince(second)).isEmpty();
  }

  @Test
  void onlyTheHashIsStored() throws Exception {
    ShareKey key = share(stored(1));

    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT * FROM shares")) {
      row.next();
      for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
        assertThat(String.valueOf(row.getObject(column))).doesNotContain(key.value());
      }
      assertThat(row.getString("key_hash")).isEqualTo(key.sha256Hex());
    }
  }

  @Test
  void sharingAgainReplacesTheKey() {
    RecordingId recording = stored(1);
    ShareKey old = share(recording);

    ShareKey replacement = share(recording);

    assertThat(replacement).isNotEqualTo(old);
    assertThat(opened(old)).isEmpty();
    assertThat(opened(replacement)).contains(recording);
    assertThat(TestDatabase.rows("shares")).isEqualTo(1);
  }

  private boolean revoke(RecordingId recording) {
    return database.inTransaction(em -> new Shares(em).revoke(recording));
  }

  @Test
  void aRevokedKeyOpensNothing() {
    RecordingId recording = stored(1);
    ShareKey key = share(recording);

    boolean revoked = revoke(recording);
    boolean again = revoke(recording);

    assertThat(revoked).isTrue();
    assertThat(again).as("nothing left to revoke").isFalse();
    assertThat(opened(key)).isEmpty();
  }

  @Test
  void deletingTheRecordingOrTheAccountDeletesItsShare() {
    RecordingId deleted = stored(1);
    ShareKey deletedKey = share(deleted);
    ShareKey accountKey = share(stored(2));

    archive.deleteOwned(deleted, anna.id());

    assertThat(opened(deletedKey)).isEmpty();
    assertThat(TestDatabase.rows("shares")).isEqualTo(1);

    archive.deleteAccount(anna.id());

    assertThat(opened(accountKey)).isEmpty();
    assertThat(TestDatabase.rows("shares")).isZero();
  }
}
