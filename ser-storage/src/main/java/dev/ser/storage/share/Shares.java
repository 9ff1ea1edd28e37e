package dev.ser.storage.share;

import dev.ser.domain.recording.RecordingId;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Share links of recordings, in the caller's transaction, which has already checked that the caller
 * owns the recording. A recording has at most one link: sharing again replaces its key, so the old
 * link stops working. Deleting the recording deletes its link (a foreign-key cascade).
 */
public final class Shares {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;

  public Shares(EntityManager em) {
    this.em = em;
  }

  /**
   * Shares the recording under a new key, replacing any earlier one; show the key to its owner
   * once, it is not stored.
   */
  public ShareKey share(RecordingId recording, Instant now) {
    ShareKey key = ShareKey.generate(RANDOM);
    revoke(recording);
    em.persist(new ShareEntity(recording, key.sha256Hex(), now));
    em.flush();
    return key;
  }

  /** The recording the key opens; empty for a revoked or unknown key. */
  public Optional<RecordingId> recordingOf(ShareKey key) {
    return em.createQuery(
            "SELECT s.recordingId FROM ShareEntity s WHERE s.keyHash = :hash", UUID.class)
        .setParameter("hash", key.sha256Hex())
        .getResultStream()
        .findFirst()
        .map(RecordingId::new);
  }

  /** When the recording's current link was made; empty when it is not shared. */
  public Optional<Instant> sharedSince(RecordingId recording) {
    return em.createQuery(
            "SELECT s.createdAt FROM ShareEntity s WHERE s.recordingId = :id", OffsetDateTime.class)
        .setParameter("id", recording.value())
        .getResultStream()
        .findFirst()
        .map(OffsetDateTime::toInstant);
  }

  /** Stops sharing the recording; returns whether it was shared. */
  public boolean revoke(RecordingId recording) {
    return em.createQuery("DELETE FROM ShareEntity s WHERE s.recordingId = :id")
            .setParameter("id", recording.value())
            .executeUpdate()
        > 0;
  }
}
