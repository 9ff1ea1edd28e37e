package dev.ser.domain.emotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmotionScoresTest {

  @Test
  void topIsTheMostProbableEmotion() {
    var scores = new EmotionScores(new double[] {0.1, 0.05, 0.05, 0.6, 0.1, 0.1});
    assertThat(scores.top()).isEqualTo(Emotion.HAPPY);
    assertThat(scores.of(Emotion.SAD)).isEqualTo(0.1);
  }

  @Test
  void rejectsProbabilitiesThatDoNotSumToOne() {
    assertThatThrownBy(() -> new EmotionScores(new double[] {0.5, 0.5, 0.5, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum");
  }

  @Test
  void rejectsWrongCountAndNaN() {
    assertThatThrownBy(() -> new EmotionScores(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmotionScores(new double[] {Double.NaN, 1, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalisesWeights() {
    var scores = EmotionScores.normalised(new double[] {2, 0, 0, 0, 0, 2});
    assertThat(scores.of(Emotion.ANGER)).isEqualTo(0.5);
    assertThat(scores.of(Emotion.SAD)).isEqualTo(0.5);
  }

  @Test
  void isImmutable() {
    double[] values = {1, 0, 0, 0, 0, 0};
    var scores = new EmotionScores(values);
    values[0] = 0;
    scores.probabilities()[0] = 0;
    assertThat(scores.of(Emotion.ANGER)).isEqualTo(1);
  }

  @Test
  void predictionReportsLowConfidence() {
    var unsure = new EmotionScores(new double[] {0.3, 0.2, 0.1, 0.1, 0.2, 0.1});
    var prediction = new Prediction(unsure, "test", 2.0, List.of());
    assertThat(prediction.emotion()).isEqualTo(Emotion.ANGER);
    assertThat(prediction.confidence()).isEqualTo(0.3);
    assertThat(prediction.isLowConfidence()).isTrue();
  }

  @Test
  void parsesLabelsCaseInsensitively() {
    assertThat(Emotion.fromLabel(" Fear ")).isEqualTo(Emotion.FEAR);
    assertThatThrownBy(() -> Emotion.fromLabel("surprised"))
        .hasMessageContaining("unknown emotion");
  }
}
