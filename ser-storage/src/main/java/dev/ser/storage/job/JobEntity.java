package dev.ser.storage.job;

import dev.ser.domain.account.UserId;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobFile;
import dev.ser.domain.job.JobId;
import dev.ser.domain.job.JobState;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code jobs}. */
@Entity
@Table(name = "jobs")
public class JobEntity {
  @Id private UUID id;

  @Convert(converter = NullableUuid.class)
  @Column(name = "owner_id")
  private UUID ownerId;

  @Column(name = "client_key", nullable = false)
  private String clientKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobState state;

  @Column(nullable = false)
  private String channels;

  @Convert(converter = JobFilesJson.class)
  @Column(nullable = false)
  private List<JobFile> files;

  private String callback;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "error_code")
  private String errorCode;

  @Column(name = "error_message")
  private String errorMessage;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected JobEntity() {}

  JobEntity(Job job) {
    this.id = job.id().value();
    this.createdAt = job.createdAt().atOffset(ZoneOffset.UTC);
    update(job);
  }

  /** Copies everything but the identity and creation time from {@code job}. */
  void update(Job job) {
    this.ownerId = job.owner().map(UserId::value).orElse(null);
    this.clientKey = job.client();
    this.state = job.state();
    this.channels = job.channels();
    this.files = job.files();
    this.callback = job.callback().orElse(null);
    this.attempts = job.attempts();
    this.errorCode = job.errorCode().orElse(null);
    this.errorMessage = job.errorMessage().orElse(null);
    this.updatedAt = job.updatedAt().atOffset(ZoneOffset.UTC);
  }

  Job toJob() {
    return new Job(
        new JobId(id),
        Optional.ofNullable(ownerId).map(UserId::new),
        clientKey,
        state,
        channels,
        files,
        Optional.ofNullable(callback),
        attempts,
        Optional.ofNullable(errorCode),
        Optional.ofNullable(errorMessage),
        createdAt.toInstant(),
        updatedAt.toInstant());
  }
}
