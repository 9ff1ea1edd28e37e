package dev.ser.storage.blob;

import dev.ser.storage.StorageUnavailableException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where audio bytes live: Azure Blob Storage in production, a directory on local disk for the
 * embedded default. Objects are private; the application streams them to their owner.
 *
 * <p>Every method throws {@link StorageUnavailableException} when the store cannot be reached, and
 * {@link IllegalArgumentException} only for programming errors (keys are validated by {@link
 * BlobKey}).
 */
public interface AudioStore extends AutoCloseable {

  /** Stores the bytes under the key, replacing what was there; returns once they are durable. */
  void put(BlobKey key, byte[] bytes, String contentType);

  /** Stores {@code length} bytes read from the stream (which the caller closes) under the key. */
  void put(BlobKey key, InputStream content, long length, String contentType);

  /** Opens the object for streaming; empty when there is none under the key. */
  Optional<StoredAudio> open(BlobKey key);

  /** Deletes the object; returns whether there was one. */
  boolean delete(BlobKey key);

  boolean exists(BlobKey key);

  /**
   * Keys of the objects last written before the cutoff. The orphan sweeper compares them with the
   * database; the cutoff gives in-flight writes (blob stored, rows not yet committed) time to
   * finish.
   */
  List<BlobKey> keysOlderThan(Instant cutoff);

  /**
   * Deletes what writes left behind when their process died mid-write and that was last touched
   * before the cutoff, e.g. the local store's hidden temporary files, which are no key and so never
   * an orphan the sweeper would list. Azure Blob Storage discards uncommitted blocks by itself,
   * hence the default.
   *
   * @return how many leftovers were deleted
   */
  default int deleteAbandonedWrites(Instant cutoff) {
    return 0;
  }

  /** Whether the store answers right now; for the health check, never throws. */
  boolean isAvailable();

  /** A short description for start-up logs, without secrets. */
  String describe();

  /** Releases clients and threads; the default has nothing to release. */
  @Override
  default void close() {}

  /**
   * The write protocol that keeps blobs and rows consistent: store the blob first, then run {@code
   * commitRows} (which inserts and commits the rows that point at it). If the rows fail, the blob
   * is deleted again before the failure is rethrown, so no blob is orphaned; if the blob fails, the
   * rows are never attempted, so no row points at a missing blob. A crash between the two steps
   * leaves an orphan blob that {@code OrphanSweeper} removes later.
   *
   * @return what {@code commitRows} returned
   */
  default <T> T putThen(BlobKey key, byte[] bytes, String contentType, Supplier<T> commitRows) {
    put(key, bytes, contentType);
    try {
      return commitRows.get();
    } catch (RuntimeException | Error rowsFailed) {
      try {
        delete(key);
      } catch (RuntimeException compensationFailed) {
        rowsFailed.addSuppressed(compensationFailed);
      }
      throw rowsFailed;
    }
  }

  /** Opens the store the settings describe, creating its directory or container if missing. */
  static AudioStore open(AudioStoreSettings settings) {
    if (settings instanceof AudioStoreSettings.AzureBlob azure) {
      return AzureBlobAudioStore.connect(azure);
    }
    return new LocalDiskAudioStore(((AudioStoreSettings.LocalDisk) settings).directory());
  }
}
