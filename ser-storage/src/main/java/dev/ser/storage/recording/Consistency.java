package dev.ser.storage.recording;

import dev.ser.storage.blob.BlobKey;
import java.util.List;

/**
 * What {@link ConsistencyCheck} found: row counts, and the two things the write protocol must never
 * leave behind for long.
 *
 * @param recordings rows in {@code recordings}
 * @param predictions rows in {@code predictions}
 * @param recordingsWithoutPrediction recordings that have no prediction row
 * @param missingBlobs keys that rows point at but the store does not hold
 * @param unreferencedBlobs keys the store holds that no row points at (orphans, or writes in
 *     flight)
 */
public record Consistency(
    long recordings,
    long predictions,
    long recordingsWithoutPrediction,
    List<BlobKey> missingBlobs,
    List<BlobKey> unreferencedBlobs) {
  public Consistency {
    missingBlobs = List.copyOf(missingBlobs);
    unreferencedBlobs = List.copyOf(unreferencedBlobs);
  }

  /** Every recording has its prediction and its blob, and every blob has a row. */
  public boolean isConsistent() {
    return recordingsWithoutPrediction == 0
        && missingBlobs.isEmpty()
        && unreferencedBlobs.isEmpty();
  }
}
