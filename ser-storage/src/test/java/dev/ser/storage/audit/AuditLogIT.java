package dev.ser.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import dev.ser.storage.blob.LocalDiskAudioStore;
import dev.ser.storage.database.Database;
import dev.ser.storage.recording.RecordingArchive;
import dev.ser.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogIT {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final Database database = TestDatabase.get();

  @TempDir Path audio;

  @BeforeEach
  void empty() {
    TestDatabase.empty();
  }

  @Test
  void entriesComeBackNewestFirstAndOutliveTheAdminsAccount() {
    Account admin =
        database.inTransaction(
            em ->
                new Users(em)
                    .register(new Username("admin"), new PasswordHash("h"), Role.ADMIN, NOW));
    database.execute(
        em -> {
          var log = new AuditLog(em);
          log.record(
              new AuditEntry(
                  Optional.of(admin.id()),
                  "admin",
                  "sample.add",
                  Optional.of("s-1"),
                  Optional.of("Happy birthday"),
                  NOW));
          log.record(
              new AuditEntry(
                  Optional.of(admin.id()),
                  "admin",
                  "sample.publish",
                  Optional.of("s-1"),
                  Optional.empty(),
                  NOW.plusSeconds(5)));
        });

    new RecordingArchive(database, new LocalDiskAudioStore(audio), Clock.systemUTC())
        .deleteAccount(admin.id());

    List<AuditEntry> entries = database.inTransaction(em -> new AuditLog(em).recent(10));
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly("sample.publish", "sample.add");
    assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEmpty());
    assertThat(entries).extracting(AuditEntry::actorName).containsOnly("admin");
  }
}
