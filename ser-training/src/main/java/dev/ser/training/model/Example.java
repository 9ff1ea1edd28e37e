package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelFrames;
import java.util.Objects;

/**
 * One labelled clip's features, held in memory for the whole training run.
 *
 * @param frames the clip's model frames
 * @param emotion its label
 * @param corpus the corpus it came from, e.g. {@code "ravdess"}
 * @param speaker its speaker, unique across corpora
 */
public record Example(ModelFrames frames, Emotion emotion, String corpus, String speaker) {
  public Example {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(emotion, "emotion");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(speaker, "speaker");
  }
}
