package dev.ser.storage.recording;

import dev.ser.domain.account.UserId;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.Recording;
import dev.ser.domain.recording.RecordingId;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.domain.recording.SampleId;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.database.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code recordings}: where a recording's audio is and what it is. */
@Entity
@Table(name = "recordings")
public class RecordingEntity {
  @Id private UUID id;

  @Convert(converter = NullableUuid.class)
  @Column(name = "owner_id")
  private UUID ownerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private RecordingSource source;

  @Convert(converter = NullableUuid.class)
  @Column(name = "sample_id")
  private UUID sampleId;

  @Column(name = "blob_key", nullable = false)
  private String blobKey;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(nullable = false)
  private String format;

  @Column(name = "duration_seconds", nullable = false)
  private double durationSeconds;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "original_filename")
  private String originalFilename;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected RecordingEntity() {}

  RecordingEntity(Recording recording, BlobKey blobKey, Optional<SampleId> sample) {
    this.id = recording.id().value();
    this.ownerId = recording.owner().map(UserId::value).orElse(null);
    this.source = recording.source();
    this.sampleId = sample.map(SampleId::value).orElse(null);
    this.blobKey = blobKey.value();
    this.contentType = recording.audio().contentType();
    this.format = recording.audio().format();
    this.durationSeconds = recording.audio().durationSeconds();
    this.sizeBytes = recording.audio().sizeBytes();
    this.originalFilename = recording.originalFilename().orElse(null);
    this.createdAt = recording.createdAt().atOffset(ZoneOffset.UTC);
  }

  Recording toRecording() {
    return new Recording(
        new RecordingId(id),
        Optional.ofNullable(ownerId).map(UserId::new),
        source,
        new AudioDescription(contentType, format, durationSeconds, sizeBytes),
        Optional.ofNullable(originalFilename),
        createdAt.toInstant());
  }

  BlobKey blobKey() {
    return new BlobKey(blobKey);
  }

  UUID id() {
    return id;
  }
}
