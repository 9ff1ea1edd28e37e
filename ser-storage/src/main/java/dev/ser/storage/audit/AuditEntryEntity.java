package dev.ser.storage.audit;

import dev.ser.domain.account.UserId;
import dev.ser.storage.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code audit_log}. */
@Entity
@Table(name = "audit_log")
public class AuditEntryEntity {
  @Id private UUID id;

  @Convert(converter = NullableUuid.class)
  @Column(name = "actor_id")
  private UUID actorId;

  @Column(name = "actor_name", nullable = false)
  private String actorName;

  @Column(nullable = false)
  private String action;

  private String target;

  private String detail;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected AuditEntryEntity() {}

  AuditEntryEntity(AuditEntry entry) {
    this.id = UUID.randomUUID();
    this.actorId = entry.actor().map(UserId::value).orElse(null);
    this.actorName = entry.actorName();
    this.action = entry.action();
    this.target = entry.target().orElse(null);
    this.detail = entry.detail().orElse(null);
    this.createdAt = entry.at().atOffset(ZoneOffset.UTC);
  }

  AuditEntry toEntry() {
    return new AuditEntry(
        Optional.ofNullable(actorId).map(UserId::new),
        actorName,
        action,
        Optional.ofNullable(target),
        Optional.ofNullable(detail),
        createdAt.toInstant());
  }
}
