package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.Calibration;
import dev.ser.inference.ModelCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  /**
   * Clips whose true emotion is drawn from {@code softmax(z)} and whose window probabilities are
   * {@code softmax(z * sharpen)}: a model over-confident by exactly the factor {@code sharpen}, so
   * the temperature that calibrates it is {@code sharpen}.
   */
  private static List<CrossValidation.HeldOut> overConfident(double sharpen, int n, long seed) {
    Random random = new Random(seed);
    List<CrossValidation.HeldOut> clips = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] z = new double[Emotion.count()];
      for (int c = 0; c < z.length; c++) {
        z[c] = random.nextGaussian();
      }
      double[] truth = softmax(z, 1);
      double u = random.nextDouble();
      int label = 0;
      for (double sum = truth[0]; sum < u && label < z.length - 1; sum += truth[++label]) {}
      double[] shown = softmax(z, sharpen);
      float[] window = new float[z.length];
      for (int c = 0; c < z.length; c++) {
        window[c] = (float) shown[c];
      }
      clips.add(
          new CrossValidation.HeldOut(
              "c", "c:" + (i % 7), Emotion.values()[label], new float[][] {window}));
    }
    return clips;
  }

  private static double[] softmax(double[] z, double scale) {
    double[] p = new double[z.length];
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      p[c] = Math.exp(z[c] * scale);
      sum += p[c];
    }
    for (int c = 0; c < z.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  @Test
  void temperatureScalingRecoversHowOverConfidentTheModelIs() {
    Calibration calibration = CrossValidation.calibration(overConfident(2.5, 20_000, 1));

    assertThat(calibration.temperature()).isCloseTo(2.5, offset(0.15));
    assertThat(calibration.eceAfter()).isLessThan(0.02);
    assertThat(calibration.eceBefore()).isGreaterThan(5 * calibration.eceAfter());
  }

  @Test
  void aCalibratedModelKeepsATemperatureNearOne() {
    Calibration calibration = CrossValidation.calibration(overConfident(1, 20_000, 2));

    assertThat(calibration.temperature()).isCloseTo(1, offset(0.08));
  }

  @Test
  void expectedCalibrationErrorOfAlwaysSureAndHalfRightIsOneHalf() {
    List<CrossValidation.HeldOut> clips = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      clips.add(
          new CrossValidation.HeldOut(
              "c",
              "c:1",
              i % 2 == 0 ? Emotion.ANGER : Emotion.SAD,
              new float[][] {{1, 0, 0, 0, 0, 0}}));
    }

    assertThat(CrossValidation.expectedCalibrationError(clips, Calibration.NONE))
        .isCloseTo(0.5, offset(1e-6));
  }

  @Test
  void estimatesGiveTheFoldsMeanAndSpreadPerCorpus() {
    // fold 1 gets 2 of 2 anger clips right (UA 1), fold 2 one of two classes (UA 0.5)
    float[][] anger = {{1, 0, 0, 0, 0, 0}};
    CrossValidation.Fold one =
        new CrossValidation.Fold(
            1,
            Set.of("c:1"),
            List.of(
                new CrossValidation.HeldOut("c", "c:1", Emotion.ANGER, anger),
                new CrossValidation.HeldOut("c", "c:1", Emotion.ANGER, anger)),
            List.of());
    CrossValidation.Fold two =
        new CrossValidation.Fold(
            2,
            Set.of("c:2"),
            List.of(
                new CrossValidation.HeldOut("c", "c:2", Emotion.ANGER, anger),
                new CrossValidation.HeldOut("c", "c:2", Emotion.SAD, anger)),
            List.of());

    Map<String, ModelCard.Estimate> estimates =
        CrossValidation.estimates(List.of(one, two), "2-fold");

    ModelCard.Estimate c = estimates.get("c");
    assertThat(c.folds()).isEqualTo(2);
    assertThat(c.clips()).isEqualTo(4);
    assertThat(c.mean()).isCloseTo(0.75, offset(1e-9));
    assertThat(c.sd()).isCloseTo(Math.sqrt(0.125), offset(1e-9));
    assertThat(c.min()).isCloseTo(0.5, offset(1e-9));
    assertThat(c.pooled()).isCloseTo(0.5, offset(1e-9));
  }

  @Test
  void tableSaysWhenNoSingleSpeakerCouldBeScoredInsteadOfPrintingNaN() {
    String table =
        CrossValidation.table(
            Map.of(
                "urdu",
                new ModelCard.Estimate(
                    5, 400, 29, 0.5, 0.2, 0.3, 0.7, 0.4, Double.NaN, Double.NaN, "5-fold")));

    assertThat(table)
        .contains("| urdu | 5-fold | 5 | 29 | 400 | 50.0 % | 20.0 | 30.0-70.0 % | 40.0 % |")
        .contains("| no speaker has every class |")
        .doesNotContain("NaN");
  }
}
