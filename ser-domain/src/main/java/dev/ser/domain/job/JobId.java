package dev.ser.domain.job;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity of a background job, a random UUID: unguessable, so it can be shared like a link.
 */
public record JobId(UUID value) {
  public JobId {
    Objects.requireNonNull(value, "value");
  }

  public static JobId random() {
    return new JobId(UUID.randomUUID());
  }

  /** The id in {@code text}, or empty if it is not a UUID (so names no job). */
  public static Optional<JobId> parse(String text) {
    try {
      return Optional.of(new JobId(UUID.fromString(Objects.requireNonNullElse(text, "").trim())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
