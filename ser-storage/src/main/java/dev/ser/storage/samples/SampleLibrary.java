package dev.ser.storage.samples;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.blob.StoredAudio;
import dev.ser.storage.database.BlobReferences;
import dev.ser.storage.database.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Adding and deleting library samples, which write both a blob and a row, with the same consistency
 * protocol as recordings ({@link AudioStore#putThen}). Each method is its own transaction.
 */
public final class SampleLibrary {
  private static final Logger LOG = Logger.getLogger(SampleLibrary.class.getName());

  private final Database database;
  private final AudioStore store;
  private final Clock clock;

  public SampleLibrary(Database database, AudioStore store, Clock clock) {
    this.database = database;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Stores a new sample's audio and row.
   *
   * @param audio the file as uploaded (it is served back as is)
   * @param description what it is; its size must equal {@code audio.length}
   */
  public SampleRecording add(
      String name,
      Emotion expectedEmotion,
      boolean published,
      byte[] audio,
      AudioDescription description) {
    if (audio.length != description.sizeBytes()) {
      throw new IllegalArgumentException(
          "description says " + description.sizeBytes() + " bytes, audio has " + audio.length);
    }
    SampleRecording sample =
        new SampleRecording(
            SampleId.random(), name, expectedEmotion, published, description, 0, clock.instant());
    BlobKey key = BlobKey.forSample(sample.id());
    return store.putThen(
        key,
        audio,
        description.contentType(),
        () -> {
          database.execute(em -> new Samples(em).add(new SampleEntity(sample, key)));
          return sample;
        });
  }

  /**
   * Deletes the sample's row, then its blob unless recordings made from it still play it (those
   * keep the audio; the last one deleted takes it along).
   */
  public void delete(SampleId id) {
    BlobKey key =
        database.inTransaction(
            em -> {
              Samples samples = new Samples(em);
              SampleEntity sample = samples.require(id);
              samples.remove(sample);
              return sample.blobKey();
            });
    deleteIfUnreferenced(key);
  }

  /** Streams the sample's audio (published or not; the caller decides who may listen). */
  public Optional<StoredAudio> openAudio(SampleId id) {
    return database
        .inTransaction(em -> new Samples(em).entity(id).map(SampleEntity::blobKey))
        .flatMap(store::open);
  }

  public List<SampleRecording> all() {
    return database.inTransaction(em -> new Samples(em).all());
  }

  private void deleteIfUnreferenced(BlobKey key) {
    try {
      boolean referenced = database.inTransaction(em -> new BlobReferences(em).isReferenced(key));
      if (!referenced) {
        store.delete(key);
      }
    } catch (StorageUnavailableException e) {
      LOG.warning(() -> "left " + key + " for the orphan sweeper: " + e.getMessage());
    }
  }
}
