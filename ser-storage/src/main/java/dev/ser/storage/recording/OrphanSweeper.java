package dev.ser.storage.recording;

import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.database.BlobReferences;
import dev.ser.storage.database.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Deletes blobs that no row points at: what is left when the process died between storing a blob
 * and committing its rows, or between deleting rows and their blob; and what a write left when the
 * process died in the middle of it ({@link AudioStore#deleteAbandonedWrites}). Blobs younger than
 * the grace period are left alone, because their rows may still be on the way. The web layer runs
 * {@link #sweep} on a schedule (e.g. every 10 minutes with a 30-minute grace) and once at start-up.
 */
public final class OrphanSweeper {
  private static final Logger LOG = Logger.getLogger(OrphanSweeper.class.getName());

  private final Database database;
  private final AudioStore store;
  private final Clock clock;

  public OrphanSweeper(Database database, AudioStore store, Clock clock) {
    this.database = database;
    this.store = store;
    this.clock = clock;
  }

  /**
   * @param grace how old an unreferenced blob must be before it counts as orphaned; longer than any
   *     analysis takes
   * @return how many blobs were deleted, half-written ones included
   */
  public int sweep(Duration grace) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative: " + grace);
    }
    Instant cutoff = clock.instant().minus(grace);
    int abandoned = store.deleteAbandonedWrites(cutoff);
    if (abandoned > 0) {
      LOG.info(() -> "deleted " + abandoned + " half-written blobs from " + store.describe());
    }
    List<BlobKey> candidates = store.keysOlderThan(cutoff);
    if (candidates.isEmpty()) {
      return abandoned;
    }
    Set<BlobKey> referenced =
        database.inTransaction(em -> new BlobReferences(em).referenced(candidates));
    int orphans = 0;
    for (BlobKey key : candidates) {
      if (!referenced.contains(key) && store.delete(key)) {
        orphans++;
      }
    }
    if (orphans > 0) {
      int count = orphans;
      LOG.info(() -> "deleted " + count + " orphaned blobs from " + store.describe());
    }
    return abandoned + orphans;
  }
}
