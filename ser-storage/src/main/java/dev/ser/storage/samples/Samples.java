package dev.ser.storage.samples;

import dev.ser.domain.SerException;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.blob.BlobKey;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The sample library's rows. Takes the caller's {@link EntityManager} and never opens a
 * transaction; adding and deleting samples (which touch blobs) go through {@link SampleLibrary}.
 */
public final class Samples {
  private final EntityManager em;

  public Samples(EntityManager em) {
    this.em = em;
  }

  /** What visitors may pick on the home page, by name. */
  public List<SampleRecording> published() {
    return em
        .createQuery(
            "SELECT s FROM SampleEntity s WHERE s.published = true ORDER BY s.name, s.id",
            SampleEntity.class)
        .getResultList()
        .stream()
        .map(SampleEntity::toSample)
        .toList();
  }

  /** Every sample, for the admin page, by name. */
  public List<SampleRecording> all() {
    return em
        .createQuery("SELECT s FROM SampleEntity s ORDER BY s.name, s.id", SampleEntity.class)
        .getResultList()
        .stream()
        .map(SampleEntity::toSample)
        .toList();
  }

  public Optional<SampleRecording> find(SampleId id) {
    return entity(id).map(SampleEntity::toSample);
  }

  /** A published sample, or {@code not_found}: what a visitor's pick must resolve to. */
  public SampleRecording requirePublished(SampleId id) {
    return find(id).filter(SampleRecording::published).orElseThrow(() -> notFound(id));
  }

  public void setPublished(SampleId id, boolean published) {
    require(id).publish(published);
  }

  /**
   * Counts one analysis of the sample, atomically in the database so concurrent picks are not lost.
   */
  public void countUse(SampleId id) {
    int updated =
        em.createQuery("UPDATE SampleEntity s SET s.usageCount = s.usageCount + 1 WHERE s.id = :id")
            .setParameter("id", id.value())
            .executeUpdate();
    if (updated == 0) {
      throw notFound(id);
    }
  }

  /** Where the sample's audio is; recordings made from it point at the same blob. */
  public BlobKey blobKeyOf(SampleId id) {
    return require(id).blobKey();
  }

  Optional<SampleEntity> entity(SampleId id) {
    return Optional.ofNullable(em.find(SampleEntity.class, id.value()));
  }

  SampleEntity require(SampleId id) {
    return entity(id).orElseThrow(() -> notFound(id));
  }

  void add(SampleEntity sample) {
    em.persist(sample);
  }

  void remove(SampleEntity sample) {
    em.remove(sample);
  }

  static SerException notFound(SampleId id) {
    return new SerException("not_found", "no sample '" + id + "'");
  }
}
