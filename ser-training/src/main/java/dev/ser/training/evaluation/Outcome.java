package dev.ser.training.evaluation;

import dev.ser.domain.emotion.Emotion;
import dev.ser.training.corpus.Clip;
import java.util.Objects;

/**
 * What the model predicted for one labelled clip.
 *
 * @param clip the clip, with its true emotion
 * @param predicted the model's top emotion
 */
public record Outcome(Clip clip, Emotion predicted) {
  public Outcome {
    Objects.requireNonNull(clip, "clip");
    Objects.requireNonNull(predicted, "predicted");
  }
}
