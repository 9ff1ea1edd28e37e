package dev.ser.storage.recording;

import dev.ser.domain.SerException;
import dev.ser.domain.account.UserId;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingNotFoundException;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.blob.StoredAudio;
import dev.ser.storage.database.BlobReferences;
import dev.ser.storage.database.Database;
import dev.ser.storage.samples.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Every write that touches both a recording's rows and its audio blob, done so that no row ever
 * points at a missing blob:
 *
 * <ul>
 *   <li>storing: blob first, then the recording and prediction rows in one transaction; if the rows
 *       fail the blob is deleted again ({@link AudioStore#putThen});
 *   <li>deleting: rows first (committed), then the blobs no row uses any more; if a blob delete
 *       fails, or the process dies in between, the blob is an orphan that {@link OrphanSweeper}
 *       removes.
 * </ul>
 *
 * Each method is one transaction of its own, so the web layer's use case calls it instead of
 * opening one around it.
 */
public final class RecordingArchive {
  private static final Logger LOG = Logger.getLogger(RecordingArchive.class.getName());
  private static final int RETENTION_BATCH = 200;

  private final Database database;
  private final AudioStore store;
  private final Clock clock;

  public RecordingArchive(Database database, AudioStore store, Clock clock) {
    this.database = database;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Stores an uploaded or browser-recorded clip with its prediction.
   *
   * @param recording made with {@link Recording#create}; its size must equal {@code audio.length}
   * @param audio the bytes as received, served back to the owner later
   */
  public AnalysedRecording store(Recording recording, byte[] audio, Prediction prediction) {
    if (recording.source() == RecordingSource.SAMPLE) {
      throw new IllegalArgumentException(
          "a sample's recording shares its audio: use storeFromSample");
    }
    if (audio.length != recording.audio().sizeBytes()) {
      throw new IllegalArgumentException(
          "recording says " + recording.audio().sizeBytes() + " bytes, audio has " + audio.length);
    }
    BlobKey key = BlobKey.forRecording(recording.id());
    return store.putThen(
        key,
        audio,
        recording.audio().contentType(),
        () ->
            database.inTransaction(
                em -> {
                  new Recordings(em).add(recording, key, Optional.empty(), prediction);
                  return new AnalysedRecording(recording, prediction);
                }));
  }

  /**
   * Stores the analysis of a published library sample: the recording shares the sample's blob (no
   * copy) and the sample's usage count goes up, in one transaction.
   *
   * @param recording made with source {@link RecordingSource#SAMPLE} and the sample's description
   */
  public AnalysedRecording storeFromSample(
      Recording recording, SampleId sample, Prediction prediction) {
    if (recording.source() != RecordingSource.SAMPLE) {
      throw new IllegalArgumentException("expected a recording with source SAMPLE");
    }
    return database.inTransaction(
        em -> {
          Samples samples = new Samples(em);
          SampleRecording picked = samples.requirePublished(sample);
          new Recordings(em)
              .add(recording, samples.blobKeyOf(picked.id()), Optional.of(sample), prediction);
          samples.countUse(sample);
          return new AnalysedRecording(recording, prediction);
        });
  }

  /**
   * Streams a recording's audio. The caller has already checked that the requester may see the
   * recording (with {@link Recordings#findOwned}).
   *
   * @throws RecordingNotFoundException when there is no such recording
   */
  public StoredAudio openAudio(RecordingId id) {
    BlobKey key =
        database
            .inTransaction(em -> new Recordings(em).entity(id).map(RecordingEntity::blobKey))
            .orElseThrow(() -> new RecordingNotFoundException(id));
    return store
        .open(key)
        .orElseThrow(
            () ->
                new StorageUnavailableException(
                    "blob_store_unavailable",
                    "the audio of recording " + id + " is missing from the store",
                    null));
  }

  /** Deletes one recording, its prediction and its audio; returns whether it existed. */
  public boolean delete(RecordingId id) {
    Optional<BlobKey> key =
        database.inTransaction(
            em -> {
              Recordings recordings = new Recordings(em);
              Optional<RecordingEntity> entity = recordings.entity(id);
              entity.ifPresent(e -> recordings.remove(List.of(e)));
              return entity.map(RecordingEntity::blobKey);
            });
    key.ifPresent(k -> deleteUnreferenced(Set.of(k)));
    return key.isPresent();
  }

  /**
   * Deletes one recording only if {@code owner} owns it, so a user cannot delete another's by
   * guessing ids; otherwise {@code not_found}.
   */
  public void deleteOwned(RecordingId id, UserId owner) {
    boolean owned =
        database
            .inTransaction(
                em -> new Recordings(em).entity(id).map(e -> e.toRecording().isOwnedBy(owner)))
            .orElse(false);
    if (!owned || !delete(id)) {
      throw new RecordingNotFoundException(id);
    }
  }

  /** "Delete all my data": every recording of the user with predictions and audio. */
  public int deleteAllOf(UserId owner) {
    Set<BlobKey> keys = new LinkedHashSet<>();
    int deleted =
        database.inTransaction(
            em -> {
              Recordings recordings = new Recordings(em);
              List<RecordingEntity> owned = recordings.ownedBy(owner);
              owned.forEach(e -> keys.add(e.blobKey()));
              recordings.remove(owned);
              return owned.size();
            });
    deleteUnreferenced(keys);
    return deleted;
  }

  /**
   * Deletes the account itself after all its recordings and their audio; its API tokens go with it.
   * The audit log keeps the actor's name.
   */
  public void deleteAccount(UserId user) {
    deleteAllOf(user);
    int removed =
        database.inTransaction(
            em ->
                em.createQuery("DELETE FROM UserEntity u WHERE u.id = :id")
                    .setParameter("id", user.value())
                    .executeUpdate());
    if (removed == 0) {
      throw new SerException("not_found", "no account '" + user + "'");
    }
  }

  /**
   * Retention: deletes every recording created more than {@code age} ago, with its prediction and
   * audio, in batches so one run never holds a long transaction. Sample blobs stay while their
   * sample exists.
   *
   * @return how many recordings were deleted
   */
  public int deleteOlderThan(Duration age) {
    return deleteOlderThan(age, false);
  }

  /**
   * Retention of anonymous analyses: deletes every recording without an owner created more than
   * {@code age} ago, as {@link #deleteOlderThan(Duration)} does. Nobody can reach them for long,
   * and voice is personal data.
   *
   * @return how many recordings were deleted
   */
  public int deleteAnonymousOlderThan(Duration age) {
    return deleteOlderThan(age, true);
  }

  private int deleteOlderThan(Duration age, boolean anonymousOnly) {
    if (age.isNegative() || age.isZero()) {
      throw new IllegalArgumentException("retention age must be positive: " + age);
    }
    Instant cutoff = clock.instant().minus(age);
    int total = 0;
    while (true) {
      Set<BlobKey> keys = new LinkedHashSet<>();
      int deleted =
          database.inTransaction(
              em -> {
                Recordings recordings = new Recordings(em);
                List<RecordingEntity> old =
                    recordings.createdBefore(cutoff, anonymousOnly, RETENTION_BATCH);
                old.forEach(e -> keys.add(e.blobKey()));
                recordings.remove(old);
                return old.size();
              });
      deleteUnreferenced(keys);
      total += deleted;
      if (deleted < RETENTION_BATCH) {
        return total;
      }
    }
  }

  private void deleteUnreferenced(Set<BlobKey> keys) {
    if (keys.isEmpty()) {
      return;
    }
    try {
      Set<BlobKey> stillUsed =
          database.inTransaction(em -> new BlobReferences(em).referenced(keys));
      for (BlobKey key : keys) {
        if (!stillUsed.contains(key)) {
          store.delete(key);
        }
      }
    } catch (StorageUnavailableException e) {
      LOG.warning(() -> "left blobs for the orphan sweeper: " + e.getMessage());
    }
  }
}
