package dev.ser.web.job;

import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.SerException;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobFile;
import dev.ser.domain.job.JobId;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.job.Jobs;
import dev.ser.web.Storage;
import dev.ser.web.account.Caller;
import dev.ser.web.analysis.Analyses;
import dev.ser.web.analysis.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes a job of uploads, for the API and the home page alike: every upload checked as an analysis
 * would check it, their audio stored, the job's row written and the job queued; all or nothing (a
 * failure deletes what was stored). A client (account, or address without one) may have {@code
 * ser.jobs.max-unfinished-per-client} (10) jobs waiting or running; more is 429.
 */
@ApplicationScoped
public class JobSubmissions {
  @Inject Storage storage;
  @Inject JobQueue queue;
  @Inject Analyses analyses;

  @Inject
  @ConfigProperty(name = "ser.jobs.max-unfinished-per-client", defaultValue = "10")
  int maxUnfinished;

  /**
   * @param callback a URL {@link Callbacks#check} allowed, if any
   * @throws SerException {@code missing_file} without uploads, or what {@link
   *     Analyses#requireAcceptable} says of one
   */
  public Job submit(
      List<Upload> uploads, ChannelMode mode, Optional<String> callback, Caller caller) {
    if (uploads.isEmpty()) {
      throw new SerException(
          "missing_file", "Send the audio in one or more multipart fields named 'file'.");
    }
    uploads.forEach(analyses::requireAcceptable);
    String client = caller.clientKey();
    long unfinished = storage.database().inTransaction(em -> new Jobs(em).unfinishedCount(client));
    if (unfinished >= maxUnfinished) {
      throw new SerException(
          "too_many_requests",
          "You already have " + unfinished + " jobs waiting or running; wait for one to finish.");
    }
    JobId id = JobId.random();
    List<JobFile> files = new ArrayList<>();
    List<BlobKey> stored = new ArrayList<>();
    try {
      for (int i = 0; i < uploads.size(); i++) {
        Upload upload = uploads.get(i);
        BlobKey key = BlobKey.forJobFile(id, i);
        String type = upload.declaredType().orElse("");
        storage
            .store()
            .put(key, upload.bytes(), type.isEmpty() ? "application/octet-stream" : type);
        stored.add(key);
        files.add(JobFile.waiting(upload.filename().orElse("file-" + (i + 1)), type, key.value()));
      }
      Job job =
          Job.queued(
              id,
              caller.userId(),
              client,
              mode.name().toLowerCase(Locale.ROOT),
              files,
              callback,
              Instant.now());
      storage.database().execute(em -> new Jobs(em).add(job));
      queue.enqueue(id);
      return job;
    } catch (RuntimeException e) {
      stored.forEach(key -> storage.store().delete(key));
      throw e;
    }
  }

  /** The caller's jobs of the last day that are not finished yet, newest first. */
  public List<Job> unfinishedOf(Caller caller) {
    return caller
        .userId()
        .map(owner -> storage.database().inTransaction(em -> new Jobs(em).unfinishedOf(owner)))
        .orElse(List.of());
  }
}
