package dev.ser.inference;

import static dev.ser.inference.TestRecordings.audio;
import static dev.ser.inference.TestRecordings.sentences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A recording fed a chunk at a time and analysed a minute at a time gives what the whole recording
 * read at once gives.
 */
class StreamRecognitionTest {
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
  void chunkSizeDoesNotChangeTheResult() {
    float[] recording = sentences(150);

    Prediction whole = recognizer.recognize(audio(recording));
    Prediction chunked = fed(recording, 1_234);

    assertThat(chunked).isEqualTo(whole);
  }

  /**
   * Every window of a 150 s recording, analysed in 60 s blocks, scores as the same window cut from
   * the features of the whole recording at once (the one-shot reading that analysed every clip
   * before): block edges cost nothing but the per-block log-mel floor.
   */
  @Test
  void blocksGiveTheWindowsOfTheWholeRecording() {
    float[] recording = sentences(150);

    Prediction streamed = fed(recording, 16_000);

    ModelFrames frames = ModelFrames.of(extractor.extract(recording));
    List<InputWindow> windows = frames.windows();
    float[][] whole = model.probabilities(windows);
    List<TimelineSegment> timeline = streamed.timeline();
    assertThat(timeline).hasSameSizeAs(windows);
    double worst = 0;
    for (int w = 0; w < windows.size(); w++) {
      assertThat(timeline.get(w).startSeconds())
          .isCloseTo(windows.get(w).startFrame() * 0.01, within(1e-9));
      double[] streamedScores = timeline.get(w).scores().probabilities();
      for (int c = 0; c < streamedScores.length; c++) {
        worst = Math.max(worst, Math.abs(streamedScores[c] - whole[w][c]));
      }
    }
    assertThat(worst).as("largest probability difference over all windows").isLessThan(0.01);
  }

  @Test
  void aRecordingOfExactlyOneBlockAndItsLookAheadEndsWithItsLastWindow() {
    float[] recording = sentences(63.08);

    Prediction streamed = fed(recording, 4_096);

    List<TimelineSegment> timeline = streamed.timeline();
    assertThat(timeline.get(timeline.size() - 1).endSeconds())
        .isCloseTo(recording.length / 16e3, within(0.011));
    assertThat(streamed.durationSeconds()).isCloseTo(63.08, within(1e-9));
  }

  /**
   * An hour fed a second at a time never holds more than 63.1 s of audio (the memory bound: no
   * buffer grows with the length) and still ends with a window every second and its segments.
   */
  @Test
  void anHourIsHeldAMinuteAtATime() {
    float[] minute = sentences(60);
    StreamRecognition recognition = recognizer.start();
    float[] second = new float[16_000];
    double held = 0;
    for (int s = 0; s < 3600; s++) {
      System.arraycopy(minute, (s % 60) * 16_000, second, 0, 16_000);
      recognition.accept(second, second.length);
      held = Math.max(held, recognition.heldSeconds());
    }
    assertThat(recognition.maxHeldSeconds()).isLessThan(63.1);
    assertThat(held).isLessThanOrEqualTo(recognition.maxHeldSeconds());

    Prediction hour = recognition.finish();

    assertThat(hour.durationSeconds()).isEqualTo(3600.0);
    // 360,001 frames: starts 0, 100, ... 359,700 below the last window's 359,701, and that one.
    assertThat(hour.timeline()).hasSize(3599);
    assertThat(hour.segments().size()).isBetween(500, 1500);
    assertThat(hour.segments().get(hour.segments().size() - 1).endSeconds()).isGreaterThan(3590);
  }

  private static Prediction fed(float[] recording, int chunk) {
    StreamRecognition recognition = recognizer.start();
    float[] part = new float[chunk];
    for (int at = 0; at < recording.length; at += chunk) {
      int length = Math.min(chunk, recording.length - at);
      System.arraycopy(recording, at, part, 0, length);
      recognition.accept(part, length);
    }
    return recognition.finish();
  }
}
