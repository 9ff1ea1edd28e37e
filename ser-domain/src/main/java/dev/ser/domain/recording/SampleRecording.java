package dev.ser.domain.recording;

import dev.ser.domain.SerException;
import dev.ser.domain.emotion.Emotion;
import java.time.Instant;
import java.util.Objects;

/**
 * A clip in the admin's sample library that visitors can analyse without uploading anything.
 *
 * @param id its identity
 * @param name the title shown on the home page, 1..200 characters
 * @param expectedEmotion what the clip was recorded to express (shown next to the prediction)
 * @param published whether visitors see it; unpublished samples are visible to admins only
 * @param audio what the stored bytes are
 * @param usageCount how many times it was analysed
 * @param createdAt when the admin added it
 */
public record SampleRecording(
    SampleId id,
    String name,
    Emotion expectedEmotion,
    boolean published,
    AudioDescription audio,
    long usageCount,
    Instant createdAt) {
  public static final int MAX_NAME_LENGTH = 200;

  public SampleRecording {
    Objects.requireNonNull(id, "id");
    name = validName(name);
    Objects.requireNonNull(expectedEmotion, "expectedEmotion");
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(createdAt, "createdAt");
    if (usageCount < 0) {
      throw new IllegalArgumentException("usage count cannot be negative: " + usageCount);
    }
  }

  /** Trims a sample name and checks it is 1..200 printable characters. */
  public static String validName(String name) {
    String trimmed = Objects.requireNonNull(name, "name").strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
      throw new SerException(
          "invalid_name", "a sample name needs 1 to " + MAX_NAME_LENGTH + " characters");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new SerException("invalid_name", "a sample name cannot contain control characters");
    }
    return trimmed;
  }
}
