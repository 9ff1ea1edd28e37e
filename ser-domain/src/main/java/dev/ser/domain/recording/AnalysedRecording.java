package dev.ser.domain.recording;

import dev.ser.domain.emotion.Prediction;
import java.util.Objects;

/** A recording with the prediction made for it: one row of a user's history, one result page. */
public record AnalysedRecording(Recording recording, Prediction prediction) {
  public AnalysedRecording {
    Objects.requireNonNull(recording, "recording");
    Objects.requireNonNull(prediction, "prediction");
  }

  public RecordingId id() {
    return recording.id();
  }
}
