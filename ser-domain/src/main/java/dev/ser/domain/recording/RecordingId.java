package dev.ser.domain.recording;

import java.util.Objects;
import java.util.UUID;

/** The identity of a recording, a random UUID; it appears in URLs and the API. */
public record RecordingId(UUID value) {
  public RecordingId {
    Objects.requireNonNull(value, "value");
  }

  public static RecordingId random() {
    return new RecordingId(UUID.randomUUID());
  }

  /**
   * Parses the text form from a URL or API path. Anything that is not a UUID cannot name a
   * recording, so it is reported as not found rather than as a malformed request.
   */
  public static RecordingId parse(String text) {
    try {
      return new RecordingId(UUID.fromString(Objects.requireNonNullElse(text, "").trim()));
    } catch (IllegalArgumentException e) {
      throw new RecordingNotFoundException(text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
