package dev.ser.storage.audit;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The admin audit log, in the caller's transaction: an admin action and its audit entry commit or
 * roll back together.
 */
public final class AuditLog {
  private final EntityManager em;

  public AuditLog(EntityManager em) {
    this.em = em;
  }

  public void record(AuditEntry entry) {
    em.persist(new AuditEntryEntity(entry));
  }

  /** The newest entries first. */
  public List<AuditEntry> recent(int limit) {
    return em
        .createQuery(
            "SELECT a FROM AuditEntryEntity a ORDER BY a.createdAt DESC", AuditEntryEntity.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(AuditEntryEntity::toEntry)
        .toList();
  }
}
