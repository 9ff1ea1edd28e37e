package dev.ser.web.job;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.job.Job;
import dev.ser.domain.job.JobFile;
import dev.ser.domain.recording.RecordingId;
import dev.ser.web.error.ErrorJson;
import java.util.List;

/**
 * A job as the API returns it.
 *
 * @param id for {@code GET /api/v1/jobs/{id}}
 * @param state {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param progress share of the files processed, 0 to 1
 * @param predictions the ids of the predictions made so far, for {@code GET
 *     /api/v1/predictions/{id}}
 * @param files each file in the order sent, with its prediction's headline or its error
 * @param error why a failed job failed, as the API's errors read; else null
 */
public record JobJson(
    String id,
    String state,
    double progress,
    String channels,
    List<String> predictions,
    List<FileJson> files,
    ErrorJson error,
    String createdAt,
    String updatedAt) {

  /** One file: {@code queued}, {@code done} (with its prediction) or {@code failed} (an error). */
  public record FileJson(
      String name,
      String state,
      String prediction,
      String emotion,
      Double confidence,
      ErrorJson error) {
    static FileJson of(JobFile file) {
      return new FileJson(
          file.name(),
          file.recording().isPresent()
              ? "done"
              : file.errorCode().isPresent() ? "failed" : "queued",
          file.recording().map(RecordingId::toString).orElse(null),
          file.emotion().map(Emotion::label).orElse(null),
          file.confidence().orElse(null),
          file.errorCode()
              .map(code -> new ErrorJson(code, file.errorMessage().orElse("")))
              .orElse(null));
    }
  }

  /** The API's error shape. */
  public static JobJson of(Job job) {
    return new JobJson(
        job.id().toString(),
        job.state().label(),
        job.progress(),
        job.channels(),
        job.files().stream()
            .flatMap(f -> f.recording().stream())
            .map(RecordingId::toString)
            .toList(),
        job.files().stream().map(FileJson::of).toList(),
        job.errorCode()
            .map(code -> new ErrorJson(code, job.errorMessage().orElse("")))
            .orElse(null),
        job.createdAt().toString(),
        job.updatedAt().toString());
  }
}
