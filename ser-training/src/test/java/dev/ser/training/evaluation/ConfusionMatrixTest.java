package dev.ser.training.evaluation;

import static dev.ser.domain.emotion.Emotion.ANGER;
import static dev.ser.domain.emotion.Emotion.DISGUST;
import static dev.ser.domain.emotion.Emotion.FEAR;
import static dev.ser.domain.emotion.Emotion.HAPPY;
import static dev.ser.domain.emotion.Emotion.NEUTRAL;
import static dev.ser.domain.emotion.Emotion.SAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ser.domain.emotion.Emotion;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  private static final double EPS = 1e-9;

  /**
   * Ten clips: anger 3/4 right (one called sad), sad 1/2 (one called neutral), neutral 2/3 (one
   * called sad), the one fear clip called happy. Disgust and happy are absent from the truth.
   */
  static ConfusionMatrix example() {
    return ConfusionMatrix.of(
        List.of(ANGER, ANGER, ANGER, ANGER, SAD, SAD, NEUTRAL, NEUTRAL, NEUTRAL, FEAR),
        List.of(ANGER, ANGER, ANGER, SAD, SAD, NEUTRAL, NEUTRAL, NEUTRAL, SAD, HAPPY));
  }

  @Test
  void rowsAreTrueAndColumnsPredictedInEmotionOrder() {
    assertThat(example().counts())
        .isEqualTo(
            new long[][] {
              {3, 0, 0, 0, 0, 1},
              {0, 0, 0, 0, 0, 0},
              {0, 0, 0, 1, 0, 0},
              {0, 0, 0, 0, 0, 0},
              {0, 0, 0, 0, 2, 1},
              {0, 0, 0, 0, 1, 1}
            });
  }

  @Test
  void accuracyIsCorrectOverAll() {
    assertThat(example().n()).isEqualTo(10);
    assertThat(example().accuracy()).isCloseTo(0.6, within(EPS));
  }

  @Test
  void perClassRecallPrecisionAndF1MatchHandComputedValues() {
    ConfusionMatrix m = example();

    assertThat(m.recall(ANGER)).isCloseTo(0.75, within(EPS));
    assertThat(m.precision(ANGER)).isCloseTo(1.0, within(EPS));
    assertThat(m.f1(ANGER)).isCloseTo(6.0 / 7, within(EPS));
    assertThat(m.recall(SAD)).isCloseTo(0.5, within(EPS));
    assertThat(m.precision(SAD)).isCloseTo(1.0 / 3, within(EPS));
    assertThat(m.f1(SAD)).isCloseTo(0.4, within(EPS));
    assertThat(m.recall(NEUTRAL)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(m.precision(NEUTRAL)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(m.recall(FEAR)).isZero();
    assertThat(m.precision(FEAR)).isZero();
    assertThat(m.f1(FEAR)).isZero();
    assertThat(m.precision(HAPPY)).isZero();
    assertThat(m.support(ANGER)).isEqualTo(4);
    assertThat(m.predicted(SAD)).isEqualTo(3);
  }

  @Test
  void averagesCountOnlyClassesPresentInTheTruth() {
    ConfusionMatrix m = example();

    assertThat(m.presentClasses()).containsExactly(ANGER, FEAR, NEUTRAL, SAD);
    assertThat(m.unweightedAccuracy())
        .isCloseTo((0.75 + 0 + 2.0 / 3 + 0.5) / 4, within(EPS))
        .isCloseTo(0.4791666667, within(1e-9));
    assertThat(m.macroF1())
        .isCloseTo((6.0 / 7 + 0 + 2.0 / 3 + 0.4) / 4, within(EPS))
        .isCloseTo(0.4809523810, within(1e-9));
  }

  @Test
  void majorityGuesserScoresHighAccuracyButHalfUa() {
    List<Emotion> truth = List.of(ANGER, ANGER, ANGER, ANGER, ANGER, ANGER, ANGER, ANGER, SAD, SAD);
    ConfusionMatrix m = ConfusionMatrix.of(truth, Collections.nCopies(10, ANGER));

    assertThat(m.accuracy()).isCloseTo(0.8, within(EPS));
    assertThat(m.unweightedAccuracy()).isCloseTo(0.5, within(EPS));
    assertThat(m.macroF1()).isCloseTo((2 * 0.8 / 1.8 + 0) / 2, within(EPS));
  }

  @Test
  void perfectPredictionsScoreOne() {
    List<Emotion> all = List.of(Emotion.values());
    ConfusionMatrix m = ConfusionMatrix.of(all, all);

    assertThat(m.accuracy()).isEqualTo(1.0);
    assertThat(m.unweightedAccuracy()).isEqualTo(1.0);
    assertThat(m.macroF1()).isEqualTo(1.0);
    assertThat(m.count(DISGUST, DISGUST)).isEqualTo(1);
  }

  @Test
  void recallOfAnAbsentClassIsUndefined() {
    assertThatThrownBy(() -> example().recall(DISGUST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no clip is disgust");
  }

  @Test
  void rejectsEmptyOrMismatchedInput() {
    assertThatThrownBy(() -> ConfusionMatrix.of(List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one clip");
    assertThatThrownBy(() -> ConfusionMatrix.of(List.of(ANGER), List.of(ANGER, SAD)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 true labels but 2 predictions");
    assertThatThrownBy(() -> new ConfusionMatrix(new long[5][6]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isImmutable() {
    ConfusionMatrix m = example();
    m.counts()[0][0] = 100;

    assertThat(m.count(ANGER, ANGER)).isEqualTo(3);
  }
}
