package dev.ser.storage.recording;

import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.database.Database;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the database with the blob store in one pass over each (one query of the keys, one
 * listing of the store): for the load test's "one prediction and one blob per 2xx" check, for fault
 * tests after a kill, and for operators. It only reads; {@link OrphanSweeper} repairs. Meant for a
 * quiet system: a write in flight shows up as an unreferenced blob.
 */
public final class ConsistencyCheck {
  private final Database database;
  private final AudioStore store;

  public ConsistencyCheck(Database database, AudioStore store) {
    this.database = database;
    this.store = store;
  }

  private record Rows(
      long recordings, long predictions, long withoutPrediction, Set<BlobKey> keys) {}

  public Consistency run() {
    // Rows first, then the listing: a write landing in between looks like an unreferenced blob,
    // never like a missing one.
    Rows rows = database.inTransaction(ConsistencyCheck::rows);
    Set<BlobKey> stored = new HashSet<>(store.keysOlderThan(Instant.MAX));
    return new Consistency(
        rows.recordings(),
        rows.predictions(),
        rows.withoutPrediction(),
        sorted(rows.keys().stream().filter(k -> !stored.contains(k)).toList()),
        sorted(stored.stream().filter(k -> !rows.keys().contains(k)).toList()));
  }

  private static Rows rows(EntityManager em) {
    long recordings =
        em.createQuery("SELECT COUNT(r) FROM RecordingEntity r", Long.class).getSingleResult();
    long predictions =
        em.createQuery("SELECT COUNT(p) FROM PredictionEntity p", Long.class).getSingleResult();
    long withoutPrediction =
        em.createQuery(
                "SELECT COUNT(r) FROM RecordingEntity r WHERE NOT EXISTS"
                    + " (SELECT p FROM PredictionEntity p WHERE p.recordingId = r.id)",
                Long.class)
            .getSingleResult();
    Set<BlobKey> keys = new HashSet<>();
    for (Object key :
        em.createNativeQuery(
                "SELECT blob_key FROM recordings UNION SELECT blob_key FROM sample_recordings")
            .getResultList()) {
      keys.add(new BlobKey((String) key));
    }
    return new Rows(recordings, predictions, withoutPrediction, keys);
  }

  private static List<BlobKey> sorted(List<BlobKey> keys) {
    return keys.stream().sorted(Comparator.comparing(BlobKey::value)).toList();
  }
}
