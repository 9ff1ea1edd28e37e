package dev.ser.storage.samples;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.AudioDescription;
import dev.ser.domain.recording.SampleId;
import dev.ser.domain.recording.SampleRecording;
import dev.ser.storage.blob.BlobKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A row of {@code sample_recordings}. */
@Entity
@Table(name = "sample_recordings")
public class SampleEntity {
  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "expected_emotion", nullable = false)
  private Emotion expectedEmotion;

  @Column(nullable = false)
  private boolean published;

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

  @Column(name = "usage_count", nullable = false)
  private long usageCount;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected SampleEntity() {}

  SampleEntity(SampleRecording sample, BlobKey blobKey) {
    this.id = sample.id().value();
    this.name = sample.name();
    this.expectedEmotion = sample.expectedEmotion();
    this.published = sample.published();
    this.blobKey = blobKey.value();
    this.contentType = sample.audio().contentType();
    this.format = sample.audio().format();
    this.durationSeconds = sample.audio().durationSeconds();
    this.sizeBytes = sample.audio().sizeBytes();
    this.usageCount = sample.usageCount();
    this.createdAt = sample.createdAt().atOffset(ZoneOffset.UTC);
  }

  public SampleRecording toSample() {
    return new SampleRecording(
        new SampleId(id),
        name,
        expectedEmotion,
        published,
        new AudioDescription(contentType, format, durationSeconds, sizeBytes),
        usageCount,
        createdAt.toInstant());
  }

  public BlobKey blobKey() {
    return new BlobKey(blobKey);
  }

  void publish(boolean published) {
    this.published = published;
  }
}
