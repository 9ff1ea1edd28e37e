package dev.ser.audio.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MelFilterbankTest {

  @Test
  void slaneyScaleMatchesLibrosasDocumentedValues() {
    // librosa.hz_to_mel / mel_to_hz docstring examples.
    assertThat(MelFilterbank.hzToMel(60, false)).isCloseTo(0.9, within(1e-12));
    assertThat(MelFilterbank.hzToMel(440, false)).isCloseTo(6.6, within(1e-12));
    assertThat(MelFilterbank.hzToMel(1000, false)).isCloseTo(15.0, within(1e-12));
    assertThat(MelFilterbank.melToHz(3, false)).isCloseTo(200.0, within(1e-12));
    assertThat(MelFilterbank.hzToMel(8000, false))
        .isCloseTo(15 + 27 * Math.log(8) / Math.log(6.4), within(1e-12));
  }

  @Test
  void htkScaleMatchesItsFormula() {
    assertThat(MelFilterbank.hzToMel(60, true)).isCloseTo(92.6819, within(1e-4));
    assertThat(MelFilterbank.hzToMel(700, true)).isCloseTo(2595 * Math.log10(2), within(1e-9));
  }

  @Test
  void melAndHzRoundTrip() {
    for (double hz = 0; hz <= 11_025; hz += 37.5) {
      assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(hz, false), false))
          .isCloseTo(hz, within(1e-9));
      assertThat(MelFilterbank.melToHz(MelFilterbank.hzToMel(hz, true), true))
          .isCloseTo(hz, within(1e-9));
    }
  }

  @Test
  void melFrequenciesRunFromFminToFmax() {
    double[] f = MelFilterbank.melFrequencies(66, 0, 8000, false);
    assertThat(f[0]).isZero();
    assertThat(f[65]).isCloseTo(8000, within(1e-9));
    for (int i = 1; i < f.length; i++) {
      assertThat(f[i]).isGreaterThan(f[i - 1]);
    }
  }

  @Test
  void unnormalisedTrianglesSumToOneBetweenTheFirstAndLastCentre() {
    MelFilterbank bank = new MelFilterbank(16_000, 512, 64, 0, 8000, false, false);
    float[][] w = bank.weights();
    double[] edges = MelFilterbank.melFrequencies(66, 0, 8000, false);
    double[] bins = MelFilterbank.fftFrequencies(16_000, 512);
    for (int k = 0; k < bins.length; k++) {
      if (bins[k] >= edges[1] && bins[k] <= edges[64]) {
        double sum = 0;
        for (float[] filter : w) {
          sum += filter[k];
        }
        assertThat(sum).as("bin %d", k).isCloseTo(1.0, within(1e-6));
      }
    }
  }

  @Test
  void eachFilterRisesToItsCentreThenFalls() {
    MelFilterbank bank = new MelFilterbank(16_000, 2048, 128, 0, 8000, false, true);
    float[][] w = bank.weights();
    double[] edges = MelFilterbank.melFrequencies(130, 0, 8000, false);
    double[] bins = MelFilterbank.fftFrequencies(16_000, 2048);
    for (int m = 0; m < w.length; m++) {
      for (int k = 0; k < bins.length; k++) {
        if (bins[k] <= edges[m] || bins[k] >= edges[m + 2]) {
          assertThat(w[m][k]).as("filter %d bin %d", m, k).isZero();
        } else if (k > 0 && bins[k] <= edges[m + 1]) {
          assertThat(w[m][k]).isGreaterThanOrEqualTo(w[m][k - 1]);
        } else if (k > 0 && bins[k - 1] >= edges[m + 1]) {
          assertThat(w[m][k]).isLessThanOrEqualTo(w[m][k - 1]);
        }
      }
    }
  }

  @Test
  void slaneyNormGivesWideFiltersUnitArea() {
    MelFilterbank bank = new MelFilterbank(16_000, 2048, 128, 0, 8000, false, true);
    float[][] w = bank.weights();
    double[] edges = MelFilterbank.melFrequencies(130, 0, 8000, false);
    double binWidth = 16_000 / 2048.0;
    int checked = 0;
    for (int m = 0; m < w.length; m++) {
      if ((edges[m + 2] - edges[m]) / binWidth >= 10) {
        double area = 0;
        for (float weight : w[m]) {
          area += weight * binWidth;
        }
        assertThat(area).as("filter %d", m).isCloseTo(1.0, within(0.01));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  @Test
  void sparseProductEqualsTheDenseMatrixProduct() {
    MelFilterbank bank = new MelFilterbank(22_050, 1024, 40, 50, 9000, true, true);
    float[][] dense = bank.weights();
    float[][] spectrogram = new float[513][3];
    for (int k = 0; k < 513; k++) {
      for (int t = 0; t < 3; t++) {
        spectrogram[k][t] = (float) Math.abs(Math.sin(k * 0.37 + t));
      }
    }
    float[][] mel = bank.apply(spectrogram);
    for (int m = 0; m < 40; m++) {
      for (int t = 0; t < 3; t++) {
        double expected = 0;
        for (int k = 0; k < 513; k++) {
          expected += dense[m][k] * (double) spectrogram[k][t];
        }
        assertThat((double) mel[m][t]).isCloseTo(expected, within(1e-6 * expected + 1e-12));
      }
    }
  }
}
