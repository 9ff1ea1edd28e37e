package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.domain.emotion.Emotion;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
  private static TrainingOptions smoothing(float labelSmoothing) {
    return new TrainingOptions(
        10, 5, 32, 1e-3f, 1, Augmentation.none(), 0, labelSmoothing, 0f, Sampling.CELLS, 0f, false);
  }

  @Test
  void withoutSmoothingTheTargetIsOneHot() {
    assertThat(smoothing(0).target(Emotion.FEAR)).containsExactly(0f, 0f, 1f, 0f, 0f, 0f);
  }

  @Test
  void smoothingSpreadsItsShareEvenlyOverTheSixEmotions() {
    float[] target = smoothing(0.12f).target(Emotion.SAD);

    for (int c = 0; c < 5; c++) {
      assertThat(target[c]).isCloseTo(0.02f, within(1e-6f));
    }
    assertThat(target[Emotion.SAD.ordinal()]).isCloseTo(0.90f, within(1e-6f));
  }

  @Test
  void rejectsSmoothingOutsideZeroToOne() {
    assertThatThrownBy(() -> smoothing(1f)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> smoothing(-0.1f)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> smoothing(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
