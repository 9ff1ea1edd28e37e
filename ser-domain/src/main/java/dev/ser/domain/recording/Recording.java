package dev.ser.domain.recording;

import dev.ser.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One analysed piece of audio.
 *
 * @param id its identity
 * @param owner the signed-in user who made it; empty for an anonymous visitor
 * @param source upload, browser recording, sample or live stream
 * @param audio what the stored bytes are
 * @param originalFilename the uploaded file's name as the browser sent it (display only, never a
 *     path); empty for recordings and samples
 * @param createdAt when it was stored
 */
public record Recording(
    RecordingId id,
    Optional<UserId> owner,
    RecordingSource source,
    AudioDescription audio,
    Optional<String> originalFilename,
    Instant createdAt) {
  /** The longest file name kept; longer ones are cut, since it is shown, never used. */
  public static final int MAX_FILENAME_LENGTH = 255;

  public Recording {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(createdAt, "createdAt");
    originalFilename =
        Objects.requireNonNull(originalFilename, "originalFilename")
            .map(Recording::displayName)
            .filter(name -> !name.isEmpty());
  }

  /** A new recording with a fresh id, made now. */
  public static Recording create(
      Optional<UserId> owner,
      RecordingSource source,
      AudioDescription audio,
      Optional<String> originalFilename,
      Instant now) {
    return new Recording(RecordingId.random(), owner, source, audio, originalFilename, now);
  }

  public boolean isOwnedBy(UserId user) {
    return owner.filter(user::equals).isPresent();
  }

  /** Keeps only the last path segment and drops control characters, so it is safe to show. */
  private static String displayName(String name) {
    String lastSegment =
        name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String printable = lastSegment.replaceAll("\\p{Cntrl}", "").strip();
    return printable.length() > MAX_FILENAME_LENGTH
        ? printable.substring(0, MAX_FILENAME_LENGTH)
        : printable;
  }
}
