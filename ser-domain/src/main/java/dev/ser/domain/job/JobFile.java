package dev.ser.domain.job;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.recording.RecordingId;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a job: where its audio waits, and once analysed, its prediction or why it was
 * refused.
 *
 * @param name the client's file name, for display ({@code file-N} when none was sent)
 * @param contentType the media type the client declared, may be empty
 * @param blobKey where the audio waits until it is analysed (the key is removed afterwards)
 * @param recording the stored prediction's recording, once analysed
 * @param emotion and {@code confidence}: the prediction's headline, so a job shows its results
 *     without one request per file
 * @param errorCode and {@code errorMessage}: why the file was refused (e.g. {@code no_speech})
 */
public record JobFile(
    String name,
    String contentType,
    Optional<String> blobKey,
    Optional<RecordingId> recording,
    Optional<Emotion> emotion,
    Optional<Double> confidence,
    Optional<String> errorCode,
    Optional<String> errorMessage) {

  public JobFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
  }

  /** A file waiting under {@code blobKey}. */
  public static JobFile waiting(String name, String contentType, String blobKey) {
    return new JobFile(
        name,
        contentType,
        Optional.of(blobKey),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public boolean isProcessed() {
    return recording.isPresent() || errorCode.isPresent();
  }

  /** This file analysed: its audio no longer waits. */
  public JobFile analysed(RecordingId id, Emotion top, double probability) {
    return new JobFile(
        name,
        contentType,
        Optional.empty(),
        Optional.of(id),
        Optional.of(top),
        Optional.of(probability),
        Optional.empty(),
        Optional.empty());
  }

  /** This file refused with {@code code}. */
  public JobFile refused(String code, String message) {
    return new JobFile(
        name,
        contentType,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(code),
        Optional.of(message));
  }
}
