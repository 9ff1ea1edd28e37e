package dev.ser.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.feature.FeatureSpec;
import dev.ser.audio.feature.Features;
import org.junit.jupiter.api.Test;

class ModelFramesTest {
  private static final int MELS = 4;
  private static final int MFCCS = 3;

  /** Features whose every value encodes its row and frame, so a transposition error shows. */
  private static Features features(int frames) {
    float[][] logMel = new float[MELS][frames];
    float[][] mfcc = new float[MFCCS][frames];
    float[] zcr = new float[frames];
    float[] rms = new float[frames];
    for (int t = 0; t < frames; t++) {
      for (int m = 0; m < MELS; m++) {
        logMel[m][t] = 1000 * m + t;
      }
      for (int c = 0; c < MFCCS; c++) {
        mfcc[c][t] = -1000 * c - t;
      }
      zcr[t] = 0.25f;
      rms[t] = t == 0 ? 0 : 0.01f;
    }
    return new Features(FeatureSpec.modelDefault(), logMel, logMel, mfcc, zcr, rms);
  }

  @Test
  void transposesFeaturesToFramesWithRmsInLog10() {
    ModelFrames frames = ModelFrames.of(features(10));

    assertThat(frames.frames()).isEqualTo(10);
    assertThat(frames.logMel()[7]).containsExactly(7f, 1007f, 2007f, 3007f);
    assertThat(frames.frameFeatures()[7]).containsExactly(-7f, -1007f, -2007f, 0.25f, -2f);
    assertThat(frames.frameFeatures()[0][MFCCS + 1])
        .as("silence is floored at 1e-5 before the log")
        .isCloseTo(-5f, within(1e-6f));
  }

  @Test
  void shortClipIsOneZeroPaddedMaskedWindow() {
    InputWindow window = ModelFrames.of(features(120)).windows().get(0);

    assertThat(ModelFrames.of(features(120)).windowStarts()).containsExactly(0);
    assertThat(window.validFrames()).isEqualTo(120);
    assertThat(window.mask()).hasSize(ModelFrames.WINDOW_FRAMES);
    assertThat(window.mask()[119]).isEqualTo(1f);
    assertThat(window.mask()[120]).isEqualTo(0f);
    assertThat(window.logMel()[119 * MELS + 2]).isEqualTo(2119f);
    assertThat(window.logMel()[120 * MELS + 2]).isEqualTo(0f);
  }

  @Test
  void longClipIsReadEverySecondWithALastWindowEndingAtTheEnd() {
    assertThat(ModelFrames.of(features(300)).windowStarts()).containsExactly(0);
    assertThat(ModelFrames.of(features(350)).windowStarts()).containsExactly(0, 50);
    assertThat(ModelFrames.of(features(500)).windowStarts()).containsExactly(0, 100, 200);
    assertThat(ModelFrames.of(features(511)).windowStarts()).containsExactly(0, 100, 200, 211);

    InputWindow last = ModelFrames.of(features(511)).window(211);
    assertThat(last.validFrames()).isEqualTo(ModelFrames.WINDOW_FRAMES);
    assertThat(last.logMel()[0]).isEqualTo(211f);
    assertThat(last.logMel()[299 * MELS]).isEqualTo(510f);
  }

  @Test
  void rejectsAWindowOutsideTheClip() {
    ModelFrames frames = ModelFrames.of(features(100));

    assertThatThrownBy(() -> frames.window(100)).isInstanceOf(IllegalArgumentException.class);
  }
}
