package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.ser.inference.InputWindow;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixupTest {

  @Test
  void blendsTheFramesBothWindowsCarryAndPadsTheRest() {
    // 4 frames of 2 mel bins and 1 frame feature; a carries 3 frames, b 2
    InputWindow a =
        new InputWindow(
            5,
            3,
            new float[] {1, 2, 3, 4, 5, 6, 0, 0},
            new float[] {10, 20, 30, 0},
            new float[] {1, 1, 1, 0});
    InputWindow b =
        new InputWindow(
            0,
            2,
            new float[] {-1, -2, -3, -4, 0, 0, 0, 0},
            new float[] {-10, -20, 0, 0},
            new float[] {1, 1, 0, 0});

    InputWindow mixed = Mixup.mix(a, b, 0.75f);

    assertThat(mixed.validFrames()).isEqualTo(2);
    assertThat(mixed.startFrame()).isEqualTo(5);
    assertThat(mixed.logMel()).containsExactly(0.5f, 1f, 1.5f, 2f, 0, 0, 0, 0);
    assertThat(mixed.frameFeatures()).containsExactly(5f, 10f, 0, 0);
    assertThat(mixed.mask()).containsExactly(1, 1, 0, 0);
    assertThat(Mixup.mix(new float[] {1, 0}, new float[] {0, 1}, 0.75f))
        .containsExactly(0.75f, 0.25f);
  }

  @Test
  void gammaDrawsHaveTheirShapeAsMeanAndVariance() {
    Random random = new Random(3);
    for (double shape : new double[] {0.2, 0.4, 2.5}) {
      int n = 200_000;
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < n; i++) {
        double x = Mixup.gamma(shape, random);
        sum += x;
        squares += x * x;
      }
      double mean = sum / n;
      assertThat(mean).as("mean of Gamma(%s)", shape).isCloseTo(shape, offset(0.02 * shape + 0.01));
      assertThat(squares / n - mean * mean)
          .as("variance of Gamma(%s)", shape)
          .isCloseTo(shape, offset(0.05 * shape + 0.01));
    }
  }

  @Test
  void lambdaIsFoldedToAtLeastOneHalfAndFollowsBeta() {
    Random random = new Random(4);
    int n = 100_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      float lambda = Mixup.lambda(0.4f, random);
      assertThat(lambda).isBetween(0.5f, 1f);
      sum += lambda;
    }
    // E[max(X, 1 - X)] for X ~ Beta(0.4, 0.4), by numerical integration (scipy): 0.8398
    assertThat(sum / n).isCloseTo(0.8398, offset(0.005));
  }
}
