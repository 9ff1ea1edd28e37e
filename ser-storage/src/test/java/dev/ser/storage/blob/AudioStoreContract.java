package dev.ser.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link AudioStore} must do; each implementation's test class extends it. */
abstract class AudioStoreContract {

  /** The store under test, empty at the start of each test. */
  abstract AudioStore store();

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void storedBytesComeBackUnchanged() {
    byte[] bytes = randomBytes(70_001, 1);
    BlobKey key = new BlobKey("recordings/round-trip");

    store().put(key, bytes, "audio/wav");

    assertThat(store().exists(key)).isTrue();
    try (StoredAudio stored = store().open(key).orElseThrow()) {
      assertThat(stored.sizeBytes()).isEqualTo(70_001);
      assertThat(stored.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void streamedPutStoresExactlyTheStream() {
    byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 2);
    BlobKey key = new BlobKey("recordings/streamed");

    store().put(key, new ByteArrayInputStream(bytes), bytes.length, "audio/mpeg");

    try (StoredAudio stored = store().open(key).orElseThrow()) {
      assertThat(stored.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void putReplacesWhatWasThere() {
    BlobKey key = new BlobKey("samples/replaced");
    store().put(key, randomBytes(100, 3), "audio/wav");
    byte[] second = randomBytes(50, 4);

    store().put(key, second, "audio/wav");

    try (StoredAudio stored = store().open(key).orElseThrow()) {
      assertThat(stored.readAllBytes()).isEqualTo(second);
    }
  }

  @Test
  void missingObjectIsEmptyNotAnError() {
    BlobKey key = new BlobKey("recordings/never-stored");
    assertThat(store().open(key)).isEmpty();
    assertThat(store().exists(key)).isFalse();
    assertThat(store().delete(key)).isFalse();
  }

  @Test
  void deleteRemovesTheObject() {
    BlobKey key = new BlobKey("recordings/deleted");
    store().put(key, randomBytes(10, 5), "audio/wav");

    assertThat(store().delete(key)).isTrue();

    assertThat(store().exists(key)).isFalse();
    assertThat(store().open(key)).isEmpty();
  }

  @Test
  void listsOnlyObjectsWrittenBeforeTheCutoff() {
    BlobKey first = new BlobKey("recordings/a");
    BlobKey second = new BlobKey("samples/b");
    store().put(first, randomBytes(10, 6), "audio/wav");
    store().put(second, randomBytes(10, 7), "audio/wav");
    Instant now = Instant.now();

    assertThat(store().keysOlderThan(now.plus(1, ChronoUnit.MINUTES)))
        .containsExactlyInAnyOrder(first, second);
    assertThat(store().keysOlderThan(now.minus(1, ChronoUnit.MINUTES))).isEmpty();
  }

  @Test
  void putThenDeletesTheBlobWhenTheRowsFail() {
    BlobKey key = new BlobKey("recordings/compensated");
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                store()
                    .putThen(
                        key,
                        randomBytes(10, 8),
                        "audio/wav",
                        () -> {
                          attempts.incrementAndGet();
                          assertThat(store().exists(key)).as("blob first").isTrue();
                          throw new IllegalStateException("insert failed");
                        }))
        .hasMessage("insert failed");

    assertThat(attempts).hasValue(1);
    assertThat(store().exists(key)).isFalse();
  }

  @Test
  void putThenKeepsTheBlobAndReturnsWhenTheRowsCommit() {
    BlobKey key = new BlobKey("recordings/committed");

    String result = store().putThen(key, randomBytes(10, 9), "audio/wav", () -> "rows");

    assertThat(result).isEqualTo("rows");
    assertThat(store().exists(key)).isTrue();
  }

  @Test
  void reportsItselfAvailable() {
    assertThat(store().isAvailable()).isTrue();
  }
}
