package dev.ser.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodeLimits;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.speech.SpeechDetector;
import dev.ser.inference.EmotionRecognizer;
import dev.ser.training.corpus.Clip;
import dev.ser.training.corpus.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The speech detector's error rates, counted both ways: generated machine sounds must be refused,
 * real corpus speech accepted. {@code ./ser speech} measures the same on every clip.
 */
class SpeechDetectionRatesTest {
  private static final Path DATASETS = Path.of("../../shared/datasets");
  private static final double MINIMUM = EmotionRecognizer.MIN_SPEECH_SECONDS;

  private final SpeechDetector detector = new SpeechDetector();

  @Test
  void refusesAtLeast98PercentOfGeneratedNonSpeechOfEveryKind() {
    List<NonSpeech.Clip> clips = new NonSpeech(7).clips(150);
    Set<NonSpeech.Kind> kinds = EnumSet.noneOf(NonSpeech.Kind.class);
    List<String> accepted = new ArrayList<>();
    for (NonSpeech.Clip clip : clips) {
      kinds.add(clip.kind());
      double speech = detector.detect(clip.samples(), NonSpeech.SAMPLE_RATE).speechSeconds();
      if (speech >= MINIMUM) {
        accepted.add(clip.description());
      }
    }

    assertThat(kinds).containsExactlyInAnyOrder(NonSpeech.Kind.values());
    assertThat(accepted).as("accepted as speech").hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void acceptsAtLeast99Point5PercentOfRealSpeechFromEveryCorpus() {
    assumeTrue(Files.isDirectory(DATASETS), "the corpora are beside the clone in ../shared");
    List<Clip> clips =
        Corpora.readAll(
            List.of(
                "ravdess:" + DATASETS.resolve("ravdess"),
                "nemo:" + DATASETS.resolve("nemo"),
                "ased=" + DATASETS.resolve("ased/manifest.csv"),
                "urdu=" + DATASETS.resolve("urdu/manifest.csv"),
                "emotiontts-kr=" + DATASETS.resolve("emotiontts-kr/manifest.csv")));
    AudioDecoder decoder = new AudioDecoder(new DecodeLimits(0, 600, 60));
    List<String> refused = new ArrayList<>();
    int read = 0;
    for (int i = 0; i < clips.size(); i += 10) {
      DecodedAudio audio = decoder.decode(clips.get(i).audio());
      read++;
      if (detector.detect(audio.samples(), audio.sampleRate()).speechSeconds() < MINIMUM) {
        refused.add(clips.get(i).audio().toString());
      }
    }

    assertThat(read).isGreaterThan(750);
    assertThat(refused).as("refused as no speech").hasSizeLessThanOrEqualTo(read / 200);
  }
}
