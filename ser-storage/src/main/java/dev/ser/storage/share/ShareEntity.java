package dev.ser.storage.share;

import dev.ser.domain.recording.RecordingId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A row of {@code shares}: never the key, only its SHA-256. */
@Entity
@Table(name = "shares")
public class ShareEntity {
  @Id
  @Column(name = "recording_id")
  private UUID recordingId;

  @Column(name = "key_hash", nullable = false)
  private String keyHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected ShareEntity() {}

  ShareEntity(RecordingId recording, String keyHash, Instant createdAt) {
    this.recordingId = recording.value();
    this.keyHash = keyHash;
    this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
  }
}
