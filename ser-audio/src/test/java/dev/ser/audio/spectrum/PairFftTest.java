package dev.ser.audio.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PairFftTest {

  @ParameterizedTest(name = "{0} points")
  @ValueSource(ints = {512, 1024, 2048, 4096, 400, 256, 401})
  void everyBinHasTheMagnitudeOfJTransformsFullTransform(int n) {
    Random random = new Random(n);
    double[] z = new double[2 * n];
    for (int i = 0; i < z.length; i++) {
      z[i] = random.nextGaussian();
    }
    double[] expected = z.clone();
    new DoubleFFT_1D(n).complexForward(expected);
    PairFft fft = new PairFft(n);
    fft.transform(z);
    for (int k = 0; k < n; k++) {
      int at = fft.position(k);
      assertThat(Math.hypot(z[at], z[at + 1]))
          .as("bin %d", k)
          .isCloseTo(Math.hypot(expected[2 * k], expected[2 * k + 1]), within(1e-9));
    }
  }

  @Test
  void skipsThePermutationForThePowersOfTwoTheFeaturesUse() {
    assertThat(new PairFft(512).skipsPermutation()).isTrue();
    assertThat(new PairFft(2048).skipsPermutation()).isTrue();
    assertThat(new PairFft(400).skipsPermutation()).isFalse();
  }
}
