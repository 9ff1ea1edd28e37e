package dev.ser.storage.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.blob.LocalDiskAudioStore;
import dev.ser.storage.database.Database;
import dev.ser.storage.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesIT {
  private final Database database = TestDatabase.get();

  @TempDir Path audio;
  private LocalDiskAudioStore store;
  private SampleLibrary library;

  @BeforeEach
  void empty() {
    TestDatabase.empty();
    store = new LocalDiskAudioStore(audio);
    library = new SampleLibrary(database, store, Clock.systemUTC());
  }

  private SampleRecording add(String name, boolean published) {
    byte[] bytes = new byte[] {1, 2, 3, 4};
    return library.add(
        name, Emotion.ANGER, published, bytes, new AudioDescription("audio/wav", "wav", 1.5, 4));
  }

  @Test
  void visitorsSeeOnlyPublishedSamplesByName() {
    add("Zebra", true);
    SampleRecording draft = add("Draft", false);
    add("Apple", true);

    List<SampleRecording> published = database.inTransaction(em -> new Samples(em).published());
    assertThat(published).extracting(SampleRecording::name).containsExactly("Apple", "Zebra");

    database.execute(em -> new Samples(em).setPublished(draft.id(), true));
    List<SampleRecording> after = database.inTransaction(em -> new Samples(em).published());
    assertThat(after).extracting(SampleRecording::name).containsExactly("Apple", "Draft", "Zebra");
  }

  @Test
  void concurrentPicksAreAllCounted() throws Exception {
    SampleRecording sample = add("Counted", true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> picks =
          IntStream.range(0, 40)
              .<Future<?>>mapToObj(
                  i ->
                      pool.submit(
                          () -> database.execute(em -> new Samples(em).countUse(sample.id()))))
              .toList();
      for (Future<?> pick : picks) {
        pick.get();
      }
    } finally {
      pool.shutdown();
    }

    SampleRecording counted =
        database.inTransaction(em -> new Samples(em).find(sample.id())).orElseThrow();
    assertThat(counted.usageCount()).isEqualTo(40);
  }

  @Test
  void deletingASampleRemovesItsRowAndAudio() {
    SampleRecording sample = add("Gone", true);

    library.delete(sample.id());

    assertThat(TestDatabase.rows("sample_recordings")).isZero();
    assertThat(store.exists(BlobKey.forSample(sample.id()))).isFalse();
    assertThat(library.openAudio(sample.id())).isEmpty();
  }

  @Test
  void badNameIsAClearErrorAndStoresNothing() {
    assertThatThrownBy(() -> add("  ", true))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("invalid_name");
    assertThat(store.keysOlderThan(Instant.MAX)).isEmpty();
  }
}
