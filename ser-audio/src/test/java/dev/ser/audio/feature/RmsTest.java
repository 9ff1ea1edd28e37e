package dev.ser.audio.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RmsTest {

  @Test
  void aSineOverWholePeriodsHasAmplitudeOverRootTwo() {
    float[] y = new float[8000];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (0.8 * Math.sin(2 * Math.PI * 500 * i / 16_000.0));
    }
    float[] rms = new Rms(512, 160, true).apply(y);
    for (int t = 2; t < rms.length - 4; t++) {
      assertThat((double) rms[t]).isCloseTo(0.8 / Math.sqrt(2), within(1e-6));
    }
  }

  @Test
  void theFirstCentredFrameAveragesOverItsZeroPadding() {
    float[] y = new float[2000];
    Arrays.fill(y, 1f);
    float[] rms = new Rms(512, 160, true).apply(y);
    assertThat((double) rms[0]).isCloseTo(Math.sqrt(256.0 / 512), within(1e-7));
  }

  @ParameterizedTest(name = "frame {0}, hop {1}, centred {2}")
  @CsvSource({"512, 160, true", "2048, 512, true", "511, 97, true", "300, 128, false"})
  void equalsTheRootMeanSquareOfZeroPaddedFrames(int frameLength, int hopLength, boolean center) {
    Random random = new Random(hopLength);
    float[] y = new float[6003];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (random.nextGaussian() * (i % 1000) / 1000);
    }
    float[] rms = new Rms(frameLength, hopLength, center).apply(y);
    int pad = center ? frameLength / 2 : 0;
    int frames = 1 + (y.length + 2 * pad - frameLength) / hopLength;
    assertThat(rms).hasSize(frames);
    for (int t = 0; t < frames; t++) {
      double sum = 0;
      for (int n = 0; n < frameLength; n++) {
        int index = t * hopLength + n - pad;
        double v = index >= 0 && index < y.length ? y[index] : 0;
        sum += v * v;
      }
      double expected = Math.sqrt(sum / frameLength);
      assertThat((double) rms[t]).as("frame %d", t).isCloseTo(expected, within(1e-6 * expected));
    }
  }
}
