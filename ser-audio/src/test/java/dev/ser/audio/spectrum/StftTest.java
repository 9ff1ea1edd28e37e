package dev.ser.audio.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StftTest {
  private static final int SR = 16_000;

  @ParameterizedTest(name = "n_fft {0}, win {1}, hop {2}, {3} samples")
  @CsvSource({
    "512, 400, 160, 16000",
    "512, 400, 160, 16160",
    "2048, 2048, 512, 7777",
    "401, 301, 100, 5000"
  })
  void parsevalHoldsInEveryFrame(int nFft, int winLength, int hopLength, int samples) {
    float[] y = noise(samples, 1);
    Stft stft = new Stft(nFft, hopLength, winLength, true, 2);
    float[][] power = stft.spectrogram(y);
    double[] window = independentPaddedHann(winLength, nFft);

    for (int t = 0; t < power[0].length; t++) {
      double timeEnergy = 0;
      for (int n = 0; n < nFft; n++) {
        int index = t * hopLength - nFft / 2 + n;
        double sample = index >= 0 && index < y.length ? y[index] : 0;
        timeEnergy += Math.pow(window[n] * sample, 2);
      }
      double spectralEnergy = power[0][t];
      for (int k = 1; k < power.length; k++) {
        boolean nyquist = nFft % 2 == 0 && k == nFft / 2;
        spectralEnergy += (nyquist ? 1 : 2) * power[k][t];
      }
      assertThat(spectralEnergy / nFft).isCloseTo(timeEnergy, within(1e-5 * timeEnergy + 1e-12));
    }
  }

  @Test
  void sineOf440HzPeaksInBin14() {
    float[] y = sine(440, 0.5, SR);
    float[][] power = new Stft(512, 160, 400, true, 2).spectrogram(y);
    for (int t = 3; t < power[0].length - 3; t++) {
      assertThat(argmax(power, t)).as("frame %d", t).isEqualTo(Math.round(440 / 31.25f));
    }
  }

  @Test
  void sineOnABinCentreCarriesItsEnergyThere() {
    double amplitude = 0.5;
    float[] y = sine(1000, amplitude, SR);
    float[][] power = new Stft(512, 160, 512, true, 2).spectrogram(y);
    int t = power[0].length / 2;
    // Periodic Hann sums to N/2, so a sine of amplitude A on bin k has |X[k]| = A N / 4.
    assertThat(argmax(power, t)).isEqualTo(32);
    assertThat(Math.sqrt(power[32][t])).isCloseTo(amplitude * 512 / 4, within(1e-3));
  }

  @Test
  void magnitudeIsTheSquareRootOfPower() {
    float[] y = noise(4000, 7);
    float[][] power = new Stft(512, 160, 400, true, 2).spectrogram(y);
    float[][] magnitude = new Stft(512, 160, 400, true, 1).spectrogram(y);
    for (int k = 0; k < power.length; k++) {
      for (int t = 0; t < power[0].length; t++) {
        assertThat((double) magnitude[k][t])
            .isCloseTo(Math.sqrt(power[k][t]), within(1e-5 * Math.sqrt(power[k][t]) + 1e-9));
      }
    }
  }

  @Test
  void pairedFramesEqualSingleFrames() {
    float[] y = noise(3000, 3);
    Stft stft = new Stft(512, 160, 400, true, 2);
    double[] scratch = new double[1024];
    double[] first = new double[257];
    double[] second = new double[257];
    double[] single = new double[257];
    int frames = stft.frames(y.length);
    for (int t = 0; t + 1 < frames; t += 2) {
      stft.framePairPower(y, t, scratch, first, second);
      stft.framePower(y, t, scratch, single);
      assertThat(first).containsExactly(single, within(1e-9));
      stft.framePower(y, t + 1, scratch, single);
      assertThat(second).containsExactly(single, within(1e-9));
    }
  }

  @Test
  void aLoudFrameDoesNotLeakIntoAQuietNeighbourItIsPairedWith() {
    float[] y = new float[4000];
    for (int i = 0; i < 2000; i++) {
      y[i] = (float) (1e-5 * Math.sin(0.3 * i));
    }
    for (int i = 2000; i < y.length; i++) {
      y[i] = (float) Math.sin(0.7 * i);
    }
    Stft stft = new Stft(512, 160, 400, true, 2);
    double[] scratch = new double[1024];
    double[] quiet = new double[257];
    double[] loud = new double[257];
    double[] alone = new double[257];
    // Frame 10 ends at sample 1800 + 200 = 2000; frame 11 reaches into the loud part.
    stft.framePairPower(y, 10, scratch, quiet, loud);
    stft.framePower(y, 10, scratch, alone);
    for (int k = 0; k < 257; k++) {
      assertThat(quiet[k]).isCloseTo(alone[k], within(1e-9 * alone[k] + 1e-22));
    }
  }

  @Test
  void frameCountsAreLibrosas() {
    assertThat(new Stft(512, 160, 400, true, 2).frames(77_650)).isEqualTo(486);
    assertThat(new Stft(2048, 512, 2048, true, 2).frames(77_650)).isEqualTo(152);
    assertThat(new Stft(512, 160, 400, true, 2).frames(1)).isEqualTo(1);
    assertThat(new Stft(512, 160, 400, false, 2).frames(512)).isEqualTo(1);
    assertThat(new Stft(512, 160, 400, false, 2).frames(1000)).isEqualTo(1 + (1000 - 512) / 160);
  }

  @Test
  void tooFewSamplesForOneUncentredFrameAreRejected() {
    assertThatThrownBy(() -> new Stft(512, 160, 400, false, 2).frames(511))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Stft(512, 160, 400, true, 2).frames(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void windowIsAPeriodicHannCentredInNfft() {
    double[] window = new Stft(512, 160, 400, true, 2).window();
    assertThat(window).hasSize(512);
    for (int n = 0; n < 56; n++) {
      assertThat(window[n]).isZero();
      assertThat(window[456 + n]).isZero();
    }
    assertThat(window[56]).isZero();
    assertThat(window[56 + 200]).isCloseTo(1.0, within(1e-15));
    assertThat(window[56 + 100]).isCloseTo(0.5, within(1e-15));
    assertThat(window[57]).isCloseTo(window[455], within(1e-15));
  }

  @Test
  void silenceHasNoPower() {
    float[][] power = new Stft(512, 160, 400, true, 2).spectrogram(new float[1600]);
    for (float[] row : power) {
      assertThat(row).containsOnly(0f);
    }
  }

  @Test
  void rejectsParametersLibrosaRejects() {
    assertThatThrownBy(() -> new Stft(512, 160, 600, true, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Stft(512, 0, 400, true, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Stft(512, 160, 400, true, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double[] independentPaddedHann(int winLength, int nFft) {
    double[] padded = new double[nFft];
    int offset = (nFft - winLength) / 2;
    for (int n = 0; n < winLength; n++) {
      padded[offset + n] = Math.pow(Math.sin(Math.PI * n / winLength), 2);
    }
    return padded;
  }

  private static int argmax(float[][] power, int t) {
    int best = 0;
    for (int k = 1; k < power.length; k++) {
      if (power[k][t] > power[best][t]) {
        best = k;
      }
    }
    return best;
  }

  static float[] sine(double hz, double amplitude, int samples) {
    float[] y = new float[samples];
    for (int i = 0; i < samples; i++) {
      y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
    }
    return y;
  }

  static float[] noise(int samples, long seed) {
    Random random = new Random(seed);
    float[] y = new float[samples];
    for (int i = 0; i < samples; i++) {
      y[i] = (float) (0.3 * random.nextGaussian());
    }
    return y;
  }
}
