package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One labelled recording of a corpus.
 *
 * @param audio the audio file
 * @param emotion its label, mapped to the product's six
 * @param speaker a speaker id unique across corpora (e.g. {@code "ravdess:03"}); splits are by
 *     speaker, never by clip
 * @param corpus the corpus name, e.g. {@code "ravdess"}
 * @param gender the speaker's gender where the corpus records it; the split balances on it
 */
public record Clip(Path audio, Emotion emotion, String speaker, String corpus, Gender gender) {
  public Clip {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(emotion, "emotion");
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(gender, "gender");
    if (speaker.isBlank() || corpus.isBlank()) {
      throw new IllegalArgumentException("speaker and corpus must not be blank: " + audio);
    }
  }

  /** A clip whose speaker's gender the corpus does not record. */
  public Clip(Path audio, Emotion emotion, String speaker, String corpus) {
    this(audio, emotion, speaker, corpus, Gender.UNKNOWN);
  }
}
