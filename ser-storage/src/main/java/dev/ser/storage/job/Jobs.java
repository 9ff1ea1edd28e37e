package dev.ser.storage.job;

import dev.ser.domain.account.UserId;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobId;
import dev.ser.domain.job.JobState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** The {@code jobs} table, within the caller's transaction. */
public final class Jobs {
  private final EntityManager em;

  public Jobs(EntityManager em) {
    this.em = em;
  }

  public void add(Job job) {
    em.persist(new JobEntity(job));
  }

  public Optional<Job> find(JobId id) {
    return Optional.ofNullable(em.find(JobEntity.class, id.value())).map(JobEntity::toJob);
  }

  /** The job, its row locked until the transaction ends, for a read-modify-write. */
  public Optional<Job> findForUpdate(JobId id) {
    return Optional.ofNullable(em.find(JobEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
        .map(JobEntity::toJob);
  }

  /** {@code owner}'s jobs still queued or running, newest first (at most 50). */
  public List<Job> unfinishedOf(UserId owner) {
    return em
        .createQuery(
            "SELECT j FROM JobEntity j WHERE j.ownerId = :owner AND j.state IN :states"
                + " ORDER BY j.createdAt DESC",
            JobEntity.class)
        .setParameter("owner", owner.value())
        .setParameter("states", List.of(JobState.QUEUED, JobState.RUNNING))
        .setMaxResults(50)
        .getResultList()
        .stream()
        .map(JobEntity::toJob)
        .toList();
  }

  /** How many of {@code client}'s jobs are queued or running. */
  public long unfinishedCount(String client) {
    return em.createQuery(
            "SELECT count(j) FROM JobEntity j WHERE j.clientKey = :client AND j.state IN :states",
            Long.class)
        .setParameter("client", client)
        .setParameter("states", List.of(JobState.QUEUED, JobState.RUNNING))
        .getSingleResult();
  }

  /** Writes {@code job} over its row. */
  public void save(Job job) {
    JobEntity row = em.find(JobEntity.class, job.id().value());
    if (row == null) {
      throw new IllegalStateException("no job " + job.id());
    }
    row.update(job);
  }
}
