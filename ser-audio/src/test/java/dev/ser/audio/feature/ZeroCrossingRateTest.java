package dev.ser.audio.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeroCrossingRateTest {

  @Test
  void alternatingSignsCrossAtEveryInteriorSample() {
    float[] y = new float[4000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 2 == 0 ? 0.5f : -0.5f;
    }
    float[] zcr = new ZeroCrossingRate(400, 160, true).apply(y);
    for (int t = 2; t < zcr.length - 3; t++) {
      assertThat(zcr[t]).isCloseTo(399f / 400, within(1e-7f));
    }
  }

  @Test
  void aConstantSignalNeverCrosses() {
    float[] y = new float[3000];
    Arrays.fill(y, -0.25f);
    assertThat(new ZeroCrossingRate(400, 160, true).apply(y)).containsOnly(0f);
  }

  @Test
  void magnitudesUpToTheThresholdAndNegativeZeroCountAsPositive() {
    float[] y = new float[2000];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 3 == 0 ? -1e-11f : i % 3 == 1 ? -0.0f : 1e-10f;
    }
    assertThat(new ZeroCrossingRate(400, 160, true).apply(y)).containsOnly(0f);
  }

  @ParameterizedTest(name = "frame {0}, hop {1}, centred {2}")
  @CsvSource({"400, 160, true", "2048, 512, true", "401, 100, true", "300, 128, false"})
  void equalsACountOverEdgePaddedFrames(int frameLength, int hopLength, boolean center) {
    Random random = new Random(frameLength);
    float[] y = new float[7001];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (random.nextGaussian() + 0.3);
    }
    float[] zcr = new ZeroCrossingRate(frameLength, hopLength, center).apply(y);
    int pad = center ? frameLength / 2 : 0;
    int frames = 1 + (y.length + 2 * pad - frameLength) / hopLength;
    assertThat(zcr).hasSize(frames);
    for (int t = 0; t < frames; t++) {
      int crossings = 0;
      for (int n = 1; n < frameLength; n++) {
        float previous = edgePadded(y, t * hopLength + n - 1 - pad);
        float current = edgePadded(y, t * hopLength + n - pad);
        if ((previous < 0) != (current < 0)) {
          crossings++;
        }
      }
      assertThat(zcr[t]).as("frame %d", t).isEqualTo((float) crossings / frameLength);
    }
  }

  private static float edgePadded(float[] y, int index) {
    return y[Math.max(0, Math.min(y.length - 1, index))];
  }
}
