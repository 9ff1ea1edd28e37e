package dev.ser.storage.recording;

import dev.ser.domain.account.UserId;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.domain.recording.SampleId;
import dev.ser.storage.blob.BlobKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recordings and their predictions, read (and given an owner) in the caller's transaction. Writes
 * that involve blobs (storing, deleting) go through {@link RecordingArchive}, which keeps rows and
 * blobs consistent; this class never opens a transaction.
 */
public final class Recordings {
  private static final String WITH_PREDICTION =
      "SELECT r, p FROM RecordingEntity r, PredictionEntity p WHERE p.recordingId = r.id";

  private final EntityManager em;

  public Recordings(EntityManager em) {
    this.em = em;
  }

  /** Any recording by id, whoever owns it; for admins and for anonymous results. */
  public Optional<AnalysedRecording> find(RecordingId id) {
    return em.createQuery(WITH_PREDICTION + " AND r.id = :id", Object[].class)
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(Recordings::analysed);
  }

  /**
   * The recording only if {@code owner} owns it: what every id-taking page and endpoint of a
   * signed-in user must use, so one user can never read another's.
   */
  public Optional<AnalysedRecording> findOwned(RecordingId id, UserId owner) {
    return em.createQuery(
            WITH_PREDICTION + " AND r.id = :id AND r.ownerId = :owner", Object[].class)
        .setParameter("id", id.value())
        .setParameter("owner", owner.value())
        .getResultStream()
        .findFirst()
        .map(Recordings::analysed);
  }

  /** One page of the owner's history, newest first ({@code offset} rows skipped). */
  public List<AnalysedRecording> historyOf(UserId owner, int offset, int limit) {
    return historyOf(owner, "", offset, limit);
  }

  /**
   * One page of the owner's history that matches {@code search}, newest first: a recording matches
   * when its file name contains the words (ignoring case), or its emotion or source is named by
   * them ("anger", "live"); a blank search matches every recording.
   */
  public List<AnalysedRecording> historyOf(UserId owner, String search, int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
    }
    Search matching = Search.of(search);
    TypedQuery<Object[]> query =
        em.createQuery(
            WITH_PREDICTION
                + " AND r.ownerId = :owner"
                + matching.condition()
                + " ORDER BY r.createdAt DESC, r.id",
            Object[].class);
    query.setParameter("owner", owner.value());
    matching.bind(query);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
        .map(Recordings::analysed)
        .toList();
  }

  public long countOf(UserId owner) {
    return countOf(owner, "");
  }

  /** How many of the owner's recordings match {@code search} (see {@link #historyOf}). */
  public long countOf(UserId owner, String search) {
    Search matching = Search.of(search);
    TypedQuery<Long> query =
        em.createQuery(
            "SELECT COUNT(r) FROM RecordingEntity r, PredictionEntity p"
                + " WHERE p.recordingId = r.id AND r.ownerId = :owner"
                + matching.condition(),
            Long.class);
    query.setParameter("owner", owner.value());
    matching.bind(query);
    return query.getSingleResult();
  }

  /** A history search: the file-name pattern, and the emotion or source the words name. */
  private record Search(
      Optional<String> like, Optional<Emotion> emotion, Optional<RecordingSource> source) {
    static Search of(String text) {
      String words = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
      if (words.isEmpty()) {
        return new Search(Optional.empty(), Optional.empty(), Optional.empty());
      }
      String escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      return new Search(
          Optional.of("%" + escaped + "%"),
          Arrays.stream(Emotion.values()).filter(e -> e.label().equals(words)).findFirst(),
          Arrays.stream(RecordingSource.values()).filter(s -> s.label().equals(words)).findFirst());
    }

    String condition() {
      if (like.isEmpty()) {
        return "";
      }
      return " AND (LOWER(r.originalFilename) LIKE :like ESCAPE '\\'"
          + (emotion.isPresent() ? " OR p.emotion = :emotion" : "")
          + (source.isPresent() ? " OR r.source = :source" : "")
          + ")";
    }

    void bind(TypedQuery<?> query) {
      like.ifPresent(pattern -> query.setParameter("like", pattern));
      emotion.ifPresent(value -> query.setParameter("emotion", value));
      source.ifPresent(value -> query.setParameter("source", value));
    }
  }

  public long count() {
    return em.createQuery("SELECT COUNT(r) FROM RecordingEntity r", Long.class).getSingleResult();
  }

  /**
   * Gives {@code owner} those of the recordings that have no owner yet, such as the analyses a
   * browser session made before signing in; a recording someone already owns stays theirs. Owned,
   * they join the owner's history and anonymous retention no longer applies to them.
   *
   * @return how many recordings changed owner
   */
  public int claim(Set<RecordingId> ids, UserId owner) {
    if (ids.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "UPDATE RecordingEntity r SET r.ownerId = :owner"
                + " WHERE r.ownerId IS NULL AND r.id IN :ids")
        .setParameter("owner", owner.value())
        .setParameter("ids", ids.stream().map(RecordingId::value).toList())
        .executeUpdate();
  }

  void add(Recording recording, BlobKey blobKey, Optional<SampleId> sample, Prediction prediction) {
    // Entities are linked by id, not by mapped relations, so EclipseLink cannot infer the insert
    // order; flushing the parent first satisfies the foreign key. Flushing also surfaces
    // constraint violations here, inside the caller's try, not at some later commit.
    em.persist(new RecordingEntity(recording, blobKey, sample));
    em.flush();
    em.persist(new PredictionEntity(recording.id(), prediction, recording.createdAt()));
    em.flush();
  }

  Optional<RecordingEntity> entity(RecordingId id) {
    return Optional.ofNullable(em.find(RecordingEntity.class, id.value()));
  }

  List<RecordingEntity> ownedBy(UserId owner) {
    return em.createQuery(
            "SELECT r FROM RecordingEntity r WHERE r.ownerId = :owner", RecordingEntity.class)
        .setParameter("owner", owner.value())
        .getResultList();
  }

  /**
   * Recordings created before the cutoff, oldest first; with {@code anonymousOnly}, unowned ones.
   */
  List<RecordingEntity> createdBefore(Instant cutoff, boolean anonymousOnly, int limit) {
    return em.createQuery(
            "SELECT r FROM RecordingEntity r WHERE r.createdAt < :cutoff"
                + (anonymousOnly ? " AND r.ownerId IS NULL" : "")
                + " ORDER BY r.createdAt",
            RecordingEntity.class)
        .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
        .setMaxResults(limit)
        .getResultList();
  }

  /** Deletes the rows; the prediction goes with its recording. */
  void remove(List<RecordingEntity> recordings) {
    if (recordings.isEmpty()) {
      return;
    }
    List<UUID> ids = recordings.stream().map(RecordingEntity::id).toList();
    em.createQuery("DELETE FROM PredictionEntity p WHERE p.recordingId IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
    em.createQuery("DELETE FROM RecordingEntity r WHERE r.id IN :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }

  private static AnalysedRecording analysed(Object[] row) {
    return new AnalysedRecording(
        ((RecordingEntity) row[0]).toRecording(), ((PredictionEntity) row[1]).toPrediction());
  }
}
