package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelFrames;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One labelled clip's features, held in memory for the whole training run.
 *
 * @param frames the clip's model frames
 * @param emotion its label
 * @param corpus the corpus it came from, e.g. {@code "ravdess"}
 * @param speaker its speaker, unique across corpora
 * @param recoded the same clip's frames after a trip through another recording path (a lossy codec,
 *     another sample rate): training draws one of these instead of {@code frames} half the time, so
 *     the model learns to give the same answer whichever way the audio arrived
 */
public record Example(
    ModelFrames frames, Emotion emotion, String corpus, String speaker, List<ModelFrames> recoded) {
  public Example {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(emotion, "emotion");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(speaker, "speaker");
    recoded = List.copyOf(recoded);
  }

  public Example(ModelFrames frames, Emotion emotion, String corpus, String speaker) {
    this(frames, emotion, corpus, speaker, List.of());
  }

  /** The frames one training draw reads: the original, or half the time one of the recodings. */
  ModelFrames drawFrames(Random random) {
    if (recoded.isEmpty() || random.nextBoolean()) {
      return frames;
    }
    return recoded.get(random.nextInt(recoded.size()));
  }
}
