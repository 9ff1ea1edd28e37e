package dev.ser.storage.recording;

import static dev.ser.storage.testing.Fixtures.audio;
import static dev.ser.storage.testing.Fixtures.prediction;
import static dev.ser.storage.testing.Fixtures.upload;
import static dev.ser.storage.testing.TestDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.account.UserId;
import dev.ser.domain.recording.Recording;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.blob.AudioStoreSettings;
import dev.ser.storage.blob.AzureBlobAudioStore;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.database.Database;
import dev.ser.storage.testing.Azurite;
import dev.ser.storage.testing.TestDatabase;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consistency protocol against the production blob store (Azurite) and real PostgreSQL. */
class RecordingArchiveOnAzureIT {
  private final Azurite azurite = Azurite.get();
  private final Database database = TestDatabase.get();
  private AzureBlobAudioStore store;
  private RecordingArchive archive;

  @BeforeEach
  void freshContainerAndEmptyDatabase() {
    TestDatabase.empty();
    store =
        AzureBlobAudioStore.connect(
            AudioStoreSettings.AzureBlob.ofConnectionString(
                azurite.connectionString(),
                "arch-" + UUID.randomUUID().toString().substring(0, 8)));
    archive = new RecordingArchive(database, store, Clock.systemUTC());
  }

  @AfterEach
  void serverBack() {
    azurite.start();
  }

  @Test
  void storedRecordingPlaysBackFromTheContainer() {
    byte[] bytes = audio(8000, 1);
    Recording recording = upload(Optional.empty(), bytes, Instant.now());

    archive.store(recording, bytes, prediction());

    try (var stored = archive.openAudio(recording.id())) {
      assertThat(stored.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void failedRowInsertLeavesNoBlobInTheContainer() {
    byte[] bytes = audio(1000, 2);
    Recording recording = upload(Optional.of(UserId.random()), bytes, Instant.now());

    assertThatThrownBy(() -> archive.store(recording, bytes, prediction()))
        .isInstanceOf(PersistenceException.class);

    assertThat(store.exists(BlobKey.forRecording(recording.id()))).isFalse();
    assertThat(store.keysOlderThan(Instant.now().plusSeconds(60))).isEmpty();
    assertThat(rows("recordings")).isZero();
  }

  @Test
  void unreachableBlobStoreLeavesNoRows() {
    byte[] bytes = audio(1000, 3);
    Recording recording = upload(Optional.empty(), bytes, Instant.now());
    azurite.stop();

    assertThatThrownBy(() -> archive.store(recording, bytes, prediction()))
        .isInstanceOf(StorageUnavailableException.class);

    assertThat(rows("recordings")).isZero();
    assertThat(rows("predictions")).isZero();
  }

  @Test
  void sweeperRemovesABlobWhoseRowsNeverCame() {
    BlobKey orphan = new BlobKey("recordings/" + UUID.randomUUID());
    store.put(orphan, audio(10, 4), "audio/wav");
    byte[] bytes = audio(10, 5);
    Recording kept = upload(Optional.empty(), bytes, Instant.now());
    archive.store(kept, bytes, prediction());

    int deleted =
        new OrphanSweeper(database, store, Clock.offset(Clock.systemUTC(), Duration.ofHours(1)))
            .sweep(Duration.ofMinutes(30));

    assertThat(deleted).isEqualTo(1);
    assertThat(store.exists(orphan)).isFalse();
    assertThat(store.exists(BlobKey.forRecording(kept.id()))).isTrue();
  }
}
