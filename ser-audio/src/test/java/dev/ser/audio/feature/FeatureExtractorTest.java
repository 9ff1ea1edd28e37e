package dev.ser.audio.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.AudioException;
import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.spectrum.MelFilterbank;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  private final FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.modelDefault());

  @Test
  void silenceNextToSoundSitsAtTheTopDbFloor() {
    float[] y = new float[16_000];
    for (int i = 8_000; i < y.length; i++) {
      y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
    }
    Features features = extractor.extract(y);
    float max = Float.NEGATIVE_INFINITY;
    for (float[] row : features.logMel()) {
      for (float v : row) {
        max = Math.max(max, v);
      }
    }
    for (float[] row : features.logMel()) {
      assertThat(row[5]).isCloseTo(max - 80, within(1e-4f));
    }
  }

  @Test
  void aSineIsLoudestInTheMelBandAroundIt() {
    float[] y = new float[16_000];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
    }
    Features features = extractor.extract(y);
    double[] edges = MelFilterbank.melFrequencies(66, 0, 8000, false);
    int t = features.frames() / 2;
    int loudest = 0;
    for (int m = 1; m < 64; m++) {
      if (features.melPower()[m][t] > features.melPower()[loudest][t]) {
        loudest = m;
      }
    }
    assertThat(edges[loudest]).isLessThan(440);
    assertThat(edges[loudest + 2]).isGreaterThan(440);
  }

  @Test
  void everyFeatureSharesOneFrameGrid() {
    Features features = extractor.extract(new float[16_001]);
    assertThat(features.frames()).isEqualTo(101);
    assertThat(features.melPower()).hasNumberOfRows(64);
    assertThat(features.logMel()[63]).hasSize(101);
    assertThat(features.mfcc()).hasNumberOfRows(40);
    assertThat(features.mfcc()[39]).hasSize(101);
    assertThat(features.rms()).hasSize(101);
    assertThat(features.spec()).isEqualTo(FeatureSpec.modelDefault());
  }

  @Test
  void uncentredFramesAreCutToTheShortestGrid() {
    FeatureSpec spec =
        new FeatureSpec(
            16_000, 512, 400, 160, false, 40, 0, 8000, true, false, 1.0, 1e-10, 0, 13, 400, 1024);
    Features features = new FeatureExtractor(spec).extract(new float[5_000]);
    assertThat(features.frames()).isEqualTo(1 + (5_000 - 1024) / 160);
    assertThat(features.melPower()[0]).hasSize(features.frames());
  }

  @Test
  void rejectsNaN() {
    float[] y = new float[16_000];
    y[123] = Float.NaN;
    assertThatThrownBy(() -> extractor.extract(y))
        .isInstanceOf(CorruptAudioException.class)
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("corrupt_audio");
  }

  @Test
  void rejectsInfinity() {
    float[] y = new float[16_000];
    y[0] = Float.NEGATIVE_INFINITY;
    assertThatThrownBy(() -> extractor.extract(y))
        .isInstanceOf(CorruptAudioException.class)
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("corrupt_audio");
  }

  @Test
  void rejectsEmptyAudio() {
    assertThatThrownBy(() -> extractor.extract(new float[0]))
        .isInstanceOf(AudioTooShortException.class)
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("audio_too_short");
  }

  @Test
  void oneInstanceGivesEveryThreadTheSameAnswer() throws Exception {
    float[] y = Golden.load("speech_16k").samples();
    Features expected = extractor.extract(y);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Features>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> extractor.extract(y)));
      }
      for (Future<Features> result : results) {
        Features features = result.get();
        assertThat(features.logMel()).isDeepEqualTo(expected.logMel());
        assertThat(features.mfcc()).isDeepEqualTo(expected.mfcc());
        assertThat(features.zcr()).isEqualTo(expected.zcr());
        assertThat(features.rms()).isEqualTo(expected.rms());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
