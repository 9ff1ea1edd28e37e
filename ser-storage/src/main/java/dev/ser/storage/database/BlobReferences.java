package dev.ser.storage.database;

import dev.ser.storage.blob.BlobKey;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which blob keys rows still point at, in {@code recordings}, {@code sample_recordings} or the
 * files of a job waiting to be analysed. Blob deletion and the orphan sweeper ask this before
 * deleting anything, because a recording made from a sample shares the sample's blob.
 */
public final class BlobReferences {
  private static final int CHUNK = 500;

  private final EntityManager em;

  public BlobReferences(EntityManager em) {
    this.em = em;
  }

  /** The subset of {@code keys} that some row references. */
  public Set<BlobKey> referenced(Collection<BlobKey> keys) {
    Set<BlobKey> found = new HashSet<>();
    List<BlobKey> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<BlobKey> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      String placeholders =
          IntStream.rangeClosed(1, chunk.size())
              .mapToObj(i -> "?" + i)
              .collect(Collectors.joining(","));
      var query =
          em.createNativeQuery(
              "SELECT blob_key FROM recordings WHERE blob_key IN ("
                  + placeholders
                  + ") UNION SELECT blob_key FROM sample_recordings WHERE blob_key IN ("
                  + placeholders
                  + ") UNION SELECT f->>'blob' FROM jobs, jsonb_array_elements(jobs.files) f"
                  + " WHERE f->>'blob' IN ("
                  + placeholders
                  + ")");
      for (int i = 0; i < chunk.size(); i++) {
        query.setParameter(i + 1, chunk.get(i).value());
      }
      for (Object key : query.getResultList()) {
        found.add(new BlobKey((String) key));
      }
    }
    return found;
  }

  public boolean isReferenced(BlobKey key) {
    return !referenced(List.of(key)).isEmpty();
  }
}
