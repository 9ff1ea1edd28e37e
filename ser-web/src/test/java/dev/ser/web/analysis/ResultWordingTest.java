package dev.ser.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultWordingTest {
  private static Prediction prediction(double... probabilities) {
    return new Prediction(new EmotionScores(probabilities), "test", 3.0, List.of());
  }

  @Test
  void aSurePredictionIsStatedAsFact() {
    // anger, disgust, fear, happy, neutral, sad
    Prediction sure = prediction(0.71, 0.05, 0.04, 0.10, 0.06, 0.04);

    assertThat(ResultView.headline(sure)).isEqualTo("This sounds angry.");
    assertThat(ResultView.runnerUp(sure)).isEmpty();
  }

  @Test
  void belowHalfTheHeadlineSaysItIsUnsureAndNamesAClose() {
    Prediction unsure = prediction(0.05, 0.05, 0.10, 0.08, 0.33, 0.39);

    assertThat(ResultView.headline(unsure)).isEqualTo("Possibly sad, unsure: 39 %");
    assertThat(ResultView.headline(prediction(0.4996, 0.3004, 0.05, 0.05, 0.05, 0.05)))
        .as("just under the line reads under it")
        .isEqualTo("Possibly angry, unsure: 49 %");
    assertThat(ResultView.runnerUp(unsure)).isEqualTo("Close behind: neutral, 33 %.");
  }

  @Test
  void aRunnerUpMoreThanTenPointsBehindIsNotNamed() {
    Prediction clear = prediction(0.05, 0.05, 0.10, 0.08, 0.28, 0.44);

    assertThat(ResultView.headline(clear)).isEqualTo("Possibly sad, unsure: 44 %");
    assertThat(ResultView.runnerUp(clear)).isEmpty();
  }
}
