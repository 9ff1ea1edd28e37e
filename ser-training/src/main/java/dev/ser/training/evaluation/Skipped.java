package dev.ser.training.evaluation;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A clip left out of the evaluation because it could not be decoded or predicted.
 *
 * @param audio the clip's file
 * @param reason why, for the person reading the report
 */
public record Skipped(Path audio, String reason) {
  public Skipped {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(reason, "reason");
  }
}
