package dev.ser.web.job;

import dev.ser.audio.AudioException;
import dev.ser.audio.decode.ChannelMode;
import dev.ser.domain.SerException;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobFile;
import dev.ser.domain.job.JobId;
import dev.ser.domain.job.JobState;
import dev.ser.domain.recording.AnalysedRecording;
import dev.ser.domain.recording.RecordingSource;
import dev.ser.storage.account.Users;
import dev.ser.storage.blob.BlobKey;
import dev.ser.storage.blob.StoredAudio;
import dev.ser.storage.job.Jobs;
import dev.ser.web.Storage;
import dev.ser.web.account.Caller;
import dev.ser.web.analysis.Analyses;
import dev.ser.web.analysis.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Works one job through, on whichever instance's worker db-scheduler gave it to: each file not yet
 * processed is analysed as an upload by the job's owner would be (its prediction stored, its audio
 * moved from the job's blob to the recording's), and the job's row records each result as it comes,
 * so progress shows and a retry after a crash resumes where the crash left it. A job started more
 * than {@value #MAX_ATTEMPTS} times (it crashed twice) fails with {@code job_stopped}. User errors
 * of one file ({@code no_speech}, {@code unsupported_audio}, ...) are that file's result; an outage
 * (database, blob store, model) leaves the job to db-scheduler's retry.
 */
@ApplicationScoped
public class JobRunner {
  /** The first run and one retry after a crash. */
  static final int MAX_ATTEMPTS = 2;

  private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

  @Inject Storage storage;
  @Inject Analyses analyses;
  @Inject Callbacks callbacks;

  void run(JobId id) {
    Optional<Job> started =
        storage
            .database()
            .inTransaction(
                em -> {
                  Jobs jobs = new Jobs(em);
                  Optional<Job> found = jobs.findForUpdate(id);
                  if (found.isEmpty() || found.get().state().isFinished()) {
                    return Optional.<Job>empty();
                  }
                  Job job = found.get().started(Instant.now());
                  if (job.attempts() > MAX_ATTEMPTS) {
                    job =
                        job.failed(
                            "job_stopped",
                            "The job stopped twice while it ran; send the files again.",
                            Instant.now());
                  }
                  jobs.save(job);
                  return Optional.of(job);
                });
    if (started.isEmpty()) {
      return;
    }
    Job job = started.get();
    if (job.state() == JobState.RUNNING) {
      LOG.info(() -> "job " + id + ": attempt " + started.get().attempts());
      Caller caller = callerOf(job);
      for (int i = 0; i < job.files().size(); i++) {
        JobFile file = job.files().get(i);
        if (!file.isProcessed()) {
          job = save(job.withFile(i, analyse(job, file, caller), Instant.now()));
          file.blobKey().ifPresent(key -> storage.store().delete(new BlobKey(key)));
        }
      }
      job = save(job.finished(Instant.now()));
    }
    callbacks.notify(job);
  }

  private JobFile analyse(Job job, JobFile file, Caller caller) {
    try {
      byte[] bytes;
      try (StoredAudio audio =
          storage
              .store()
              .open(new BlobKey(file.blobKey().orElseThrow()))
              .orElseThrow(
                  () -> new SerException("not_found", "the file's audio is gone from the store"))) {
        bytes = audio.readAllBytes();
      }
      Upload upload =
          new Upload(
              bytes,
              Optional.of(file.contentType()).filter(t -> !t.isEmpty()),
              Optional.of(file.name()),
              RecordingSource.UPLOAD);
      ChannelMode mode =
          job.channels().equals("separate") ? ChannelMode.SEPARATE : ChannelMode.MIXED;
      AnalysedRecording analysed = analyses.analyse(upload, mode, caller);
      return file.analysed(
          analysed.id(), analysed.prediction().emotion(), analysed.prediction().confidence());
    } catch (SerException e) {
      return file.refused(e.code(), e.getMessage());
    } catch (AudioException e) {
      return file.refused(e.code(), e.getMessage());
    }
  }

  private Job save(Job job) {
    storage.database().execute(em -> new Jobs(em).save(job));
    return job;
  }

  /** The job's owner as a caller, so its predictions are theirs; an anonymous job has none. */
  private Caller callerOf(Job job) {
    return new Caller(
        job.owner()
            .flatMap(owner -> storage.database().inTransaction(em -> new Users(em).find(owner))),
        Optional.empty(),
        "job:" + job.id());
  }
}
