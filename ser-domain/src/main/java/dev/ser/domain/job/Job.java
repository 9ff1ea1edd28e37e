package dev.ser.domain.job;

import dev.ser.domain.account.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch of recordings analysed in the background.
 *
 * @param owner the account the job and its predictions belong to; empty for an anonymous one
 * @param client who the per-client limit counts the job against: the account, else the address
 * @param channels {@code mixed} or {@code separate}, as for a prediction
 * @param callback where to POST the job when it finishes, if anywhere
 * @param attempts how many times a worker started it (a crashed run is retried once)
 * @param errorCode and {@code errorMessage}: why a failed job failed
 */
public record Job(
    JobId id,
    Optional<UserId> owner,
    String client,
    JobState state,
    String channels,
    List<JobFile> files,
    Optional<String> callback,
    int attempts,
    Optional<String> errorCode,
    Optional<String> errorMessage,
    Instant createdAt,
    Instant updatedAt) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(state, "state");
    files = List.copyOf(files);
  }

  /** A new job of {@code files}, queued. */
  public static Job queued(
      JobId id,
      Optional<UserId> owner,
      String client,
      String channels,
      List<JobFile> files,
      Optional<String> callback,
      Instant now) {
    return new Job(
        id,
        owner,
        client,
        JobState.QUEUED,
        channels,
        files,
        callback,
        0,
        Optional.empty(),
        Optional.empty(),
        now,
        now);
  }

  /** Picked up by a worker: running, one more attempt. */
  public Job started(Instant now) {
    return new Job(
        id,
        owner,
        client,
        JobState.RUNNING,
        channels,
        files,
        callback,
        attempts + 1,
        errorCode,
        errorMessage,
        createdAt,
        now);
  }

  /** With file {@code index} replaced by {@code file}. */
  public Job withFile(int index, JobFile file, Instant now) {
    List<JobFile> changed = new ArrayList<>(files);
    changed.set(index, file);
    return new Job(
        id,
        owner,
        client,
        state,
        channels,
        changed,
        callback,
        attempts,
        errorCode,
        errorMessage,
        createdAt,
        now);
  }

  /**
   * Every file processed: done, unless every one was refused, which fails the job with the first
   * file's error.
   */
  public Job finished(Instant now) {
    boolean anyAnalysed = files.stream().anyMatch(f -> f.recording().isPresent());
    if (anyAnalysed || files.isEmpty()) {
      return new Job(
          id,
          owner,
          client,
          JobState.DONE,
          channels,
          files,
          callback,
          attempts,
          Optional.empty(),
          Optional.empty(),
          createdAt,
          now);
    }
    JobFile first = files.get(0);
    return failed(
        first.errorCode().orElse("job_failed"),
        "No file could be analysed; the first: " + first.errorMessage().orElse("refused"),
        now);
  }

  /** Given up, with the error the API shows. */
  public Job failed(String code, String message, Instant now) {
    return new Job(
        id,
        owner,
        client,
        JobState.FAILED,
        channels,
        files,
        callback,
        attempts,
        Optional.of(code),
        Optional.of(message),
        createdAt,
        now);
  }

  /** Share of the files processed, 0 to 1. */
  public double progress() {
    if (files.isEmpty()) {
      return state.isFinished() ? 1 : 0;
    }
    return (double) files.stream().filter(JobFile::isProcessed).count() / files.size();
  }
}
