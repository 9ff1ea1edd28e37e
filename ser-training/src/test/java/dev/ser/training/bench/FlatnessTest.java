package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FlatnessTest {
  @Test
  void curveWanderingFivePercentIsFlat() {
    Flatness flatness = Flatness.of(new double[] {300, 800, 800, 840, 780, 810}, 1, 0.10);

    assertThat(flatness.baseline()).isEqualTo(800);
    assertThat(flatness.isFlat()).isTrue();
    assertThat(flatness.worstDeviation()).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void slowClimbOfFifteenPercentIsNotFlat() {
    Flatness flatness = Flatness.of(new double[] {800, 830, 860, 890, 920}, 0, 0.10);

    assertThat(flatness.isFlat()).isFalse();
    assertThat(flatness.worstDeviation()).isCloseTo(0.15, within(1e-12));
  }

  @Test
  void dropBelowTheToleranceIsNotFlatEither() {
    Flatness flatness = Flatness.of(new double[] {1000, 850, 1000}, 0, 0.10);

    assertThat(flatness.isFlat()).isFalse();
    assertThat(flatness.worstDeviation()).isCloseTo(-0.15, within(1e-12));
  }

  @Test
  void warmUpSamplesDoNotCount() {
    assertThat(Flatness.of(new double[] {100, 400, 1000, 1010}, 2, 0.10).isFlat()).isTrue();
  }

  @Test
  void refusesAWarmUpThatLeavesNoSample() {
    assertThatThrownBy(() -> Flatness.of(new double[] {1, 2}, 2, 0.10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warm-up of 2");
  }
}
