package dev.ser.audio.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MfccTest {

  @ParameterizedTest(name = "{0} mels, {1} coefficients")
  @CsvSource({"64, 40", "128, 20", "13, 13", "7, 3"})
  void equalsTheOrthonormalDctTwoOfEachColumn(int nMels, int nMfcc) {
    float[][] logMel = randomLogMel(nMels, 9, 11);
    float[][] mfcc = new Mfcc(nMels, nMfcc).apply(logMel);
    for (int t = 0; t < 9; t++) {
      for (int k = 0; k < nMfcc; k++) {
        double sum = 0;
        double magnitude = 0;
        for (int n = 0; n < nMels; n++) {
          sum += logMel[n][t] * Math.cos(Math.PI * k * (n + 0.5) / nMels);
          magnitude += Math.abs(logMel[n][t]);
        }
        double expected = sum * Math.sqrt(2.0 / nMels) * (k == 0 ? Math.sqrt(0.5) : 1);
        // float32 sums: the rounding error scales with the size of the terms, not of the result.
        assertThat((double) mfcc[k][t]).isCloseTo(expected, within(1e-6 * magnitude));
      }
    }
  }

  @ParameterizedTest(name = "{0} mels")
  @CsvSource({"64", "13"})
  void keepsTheEnergyOfEachColumnWhenAllCoefficientsAreKept(int nMels) {
    float[][] logMel = randomLogMel(nMels, 5, 3);
    float[][] mfcc = new Mfcc(nMels, nMels).apply(logMel);
    for (int t = 0; t < 5; t++) {
      double in = 0;
      double out = 0;
      for (int n = 0; n < nMels; n++) {
        in += logMel[n][t] * (double) logMel[n][t];
        out += mfcc[n][t] * (double) mfcc[n][t];
      }
      assertThat(out).isCloseTo(in, within(1e-5 * in));
    }
  }

  @ParameterizedTest(name = "{0} mels")
  @CsvSource({"64", "13"})
  void aFlatLogMelHasOnlyTheFirstCoefficient(int nMels) {
    float[][] flat = new float[nMels][4];
    for (float[] row : flat) {
      Arrays.fill(row, -100f);
    }
    float[][] mfcc = new Mfcc(nMels, Math.min(nMels, 20)).apply(flat);
    assertThat((double) mfcc[0][2]).isCloseTo(-100 * Math.sqrt(nMels), within(1e-3));
    for (int k = 1; k < mfcc.length; k++) {
      assertThat(mfcc[k][2]).isCloseTo(0f, within(1e-3f));
    }
  }

  private static float[][] randomLogMel(int nMels, int frames, long seed) {
    Random random = new Random(seed);
    float[][] logMel = new float[nMels][frames];
    for (float[] row : logMel) {
      for (int t = 0; t < frames; t++) {
        row[t] = (float) (-40 + 20 * random.nextGaussian());
      }
    }
    return logMel;
  }
}
