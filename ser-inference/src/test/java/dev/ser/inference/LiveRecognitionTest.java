package dev.ser.inference;

import static dev.ser.inference.TestRecordings.clip;
import static dev.ser.inference.TestRecordings.quietNoise;
import static dev.ser.inference.TestRecordings.sentences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stream read live: one update per second of audio, each the score of the last 3 s as the whole
 * recording's window over them scores, "no speech" in pauses and for a tone, and the same small
 * memory however long it runs.
 */
class LiveRecognitionTest {
  private static final FeatureSpec SPEC = FeatureSpec.modelDefault();

  private static EmotionModel model;
  private static EmotionRecognizer recognizer;
  private static FeatureExtractor extractor;

  @BeforeAll
  static void loadBundledModel() {
    model = EmotionModel.bundled(SPEC);
    extractor = new FeatureExtractor(SPEC);
    recognizer = new EmotionRecognizer(model, extractor);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @Test
  void oneUpdatePerSecondOfAudioWhateverTheChunkSize() {
    float[] recording = sentences(12.5);

    List<LiveUpdate> small = fed(recording, 333);
    List<LiveUpdate> large = fed(recording, 16_000 * 5);

    assertThat(small)
        .extracting(LiveUpdate::seconds)
        .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0);
    assertThat(large).isEqualTo(small);
  }

  /**
   * Each speech update scores the last 3 s as those 3 s cut out as a clip of their own do (the
   * log-mel floor follows the window's own loudest frame, as in the clips the model was trained on;
   * only the first frames' edge padding differs).
   */
  @Test
  void eachUpdateScoresTheLastThreeSecondsAsAClipOfThemAlone() {
    float[] recording = sentences(20);

    List<LiveUpdate> updates = fed(recording, 1_600);

    int compared = 0;
    double worst = 0;
    for (LiveUpdate update : updates) {
      int end = (int) Math.round(update.seconds() * 16_000);
      if (update.scores().isEmpty()) {
        continue;
      }
      float[] last = Arrays.copyOfRange(recording, Math.max(0, end - 48_000), end);
      float[] expected =
          model.probabilities(List.of(ModelFrames.of(extractor.extract(last)).window(0)))[0];
      double[] live = update.scores().get().probabilities();
      for (int c = 0; c < live.length; c++) {
        worst = Math.max(worst, Math.abs(live[c] - expected[c]));
      }
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(10);
    assertThat(worst).as("largest probability difference").isLessThan(0.02);
  }

  @Test
  void aPauseReadsAsNoSpeechWithinTwoSecondsAndSpeechAgainWhenItResumes() {
    float[] speech = clip("ravdess_angry_actor03.wav");
    float[] pause = quietNoise(5, 3);
    float[] recording = new float[speech.length + pause.length + speech.length];
    System.arraycopy(speech, 0, recording, 0, speech.length);
    System.arraycopy(pause, 0, recording, speech.length, pause.length);
    System.arraycopy(speech, 0, recording, speech.length + pause.length, speech.length);
    double pauseStart = speech.length / 16e3;
    double pauseEnd = pauseStart + 5;

    List<LiveUpdate> updates = fed(recording, 800);

    assertThat(updates)
        .filteredOn(u -> u.seconds() >= pauseStart + 2 && u.seconds() <= pauseEnd)
        .isNotEmpty()
        .allMatch(u -> !u.speech());
    assertThat(updates)
        .filteredOn(u -> u.seconds() >= 2 && u.seconds() < pauseStart)
        .isNotEmpty()
        .allMatch(LiveUpdate::speech);
    assertThat(updates).filteredOn(u -> u.seconds() >= pauseEnd + 2).anyMatch(LiveUpdate::speech);
  }

  @Test
  void aToneIsNeverSpeech() {
    float[] tone = new float[16_000 * 6];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16e3));
    }

    assertThat(fed(tone, 4_000)).hasSize(6).noneMatch(LiveUpdate::speech);
  }

  @Test
  void tenMinutesHoldNoMoreThanAWindowAndItsContext() {
    float[] minute = sentences(60);
    LiveRecognition live = recognizer.startLive();
    int held = 0;
    int updates = 0;
    for (int round = 0; round < 10; round++) {
      for (int at = 0; at < minute.length; at += 8_000) {
        float[] chunk = Arrays.copyOfRange(minute, at, at + 8_000);
        updates += live.accept(chunk, chunk.length).size();
        held = Math.max(held, live.heldSamples());
      }
    }
    assertThat(updates).isEqualTo(600);
    assertThat(live.seconds()).isCloseTo(600, within(1e-9));
    assertThat(held).isEqualTo((ModelFrames.WINDOW_FRAMES + 3) * 160);
  }

  private static List<LiveUpdate> fed(float[] recording, int chunk) {
    LiveRecognition live = recognizer.startLive();
    List<LiveUpdate> updates = new ArrayList<>();
    float[] part = new float[chunk];
    for (int at = 0; at < recording.length; at += chunk) {
      int length = Math.min(chunk, recording.length - at);
      System.arraycopy(recording, at, part, 0, length);
      updates.addAll(live.accept(part, length));
    }
    return updates;
  }
}
