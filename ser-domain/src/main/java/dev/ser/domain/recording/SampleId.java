package dev.ser.domain.recording;

import dev.ser.domain.SerException;
import java.util.Objects;
import java.util.UUID;

/** The identity of a sample in the library. */
public record SampleId(UUID value) {
  public SampleId {
    Objects.requireNonNull(value, "value");
  }

  public static SampleId random() {
    return new SampleId(UUID.randomUUID());
  }

  /** Parses the text form from a form field or URL; anything else names no sample. */
  public static SampleId parse(String text) {
    try {
      return new SampleId(UUID.fromString(Objects.requireNonNullElse(text, "").trim()));
    } catch (IllegalArgumentException e) {
      throw new SerException("not_found", "no sample '" + text + "'");
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
