package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.Calibration;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.ModelCard;
import dev.ser.inference.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  private static List<Example> examples;
  private static TrainedModel model;
  private static String log;

  @BeforeAll
  static void trainOnSyntheticTones() {
    examples = SyntheticClips.examples(4, 7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Trainer trainer =
        new Trainer(
            SyntheticClips.tinyArchitecture(),
            TrainingOptions.plain(6, 8, 0.01f, 42),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    model = trainer.train(examples, List.of());
    log = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void lossFallsWhileTrainingOnSeparableClips() {
    List<Double> losses = model.epochLosses();
    assertThat(losses).hasSize(6);
    assertThat(losses.get(0)).as("near chance, ln 6 = 1.79, at first").isGreaterThan(1.0);
    assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.6);
  }

  @Test
  void theSameSeedGivesTheSameWeightsToTheLastBit() {
    TrainedModel again =
        new Trainer(
                SyntheticClips.tinyArchitecture(),
                TrainingOptions.plain(6, 8, 0.01f, 42),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .train(examples, List.of());

    assertThat(again.weights().keySet()).isEqualTo(model.weights().keySet());
    model
        .weights()
        .forEach(
            (name, values) -> assertThat(again.weights().get(name)).as(name).isEqualTo(values));
    assertThat(again.epochLosses()).isEqualTo(model.epochLosses());
  }

  @Test
  void logsEveryEpochWithLossAccuracyAndUa() {
    assertThat(log)
        .contains("epoch 1/6", "epoch 6/6", "loss", "UA", "val synthetic")
        .contains("mean of the weights of epochs 4-6");
  }

  @Test
  void exportReloadsAndPredictsTheTrainingClipsAsTheTrainingGraphScoredThem(@TempDir Path dir)
      throws Exception {
    assertExportedModelScoresAsTrained(dir, model, examples);
    assertThat(Files.readString(dir.resolve("MODEL_CARD.md"))).contains("test-1", "test only");
  }

  @Test
  void attentionPoolingTrainsAndExportsTheSameFunction(@TempDir Path dir) throws Exception {
    TrainedModel attention =
        new Trainer(
                SyntheticClips.tinyArchitecture().with(false, true, false),
                TrainingOptions.plain(6, 8, 0.01f, 42),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .train(examples, List.of());

    List<Double> losses = attention.epochLosses();
    assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.6);
    assertThat(attention.weights()).containsKeys("attention/kernel", "attention/vector");
    assertThat(attention.architecture().describe()).contains("attention pooling");
    assertExportedModelScoresAsTrained(dir, attention, examples);
  }

  @Test
  void statsPoolingTrainsAndExportsTheSameFunction(@TempDir Path dir) throws Exception {
    TrainedModel stats =
        new Trainer(
                SyntheticClips.tinyArchitecture().with(false, false, true),
                TrainingOptions.plain(6, 8, 0.01f, 42),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .train(examples, List.of());

    List<Double> losses = stats.epochLosses();
    assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.6);
    int units = SyntheticClips.tinyArchitecture().gruUnits();
    assertThat(stats.weights().get("dense/kernel")).hasSize(2 * units * Emotion.count());
    assertThat(stats.architecture().describe()).contains("standard deviation over time");
    assertExportedModelScoresAsTrained(dir, stats, examples);
  }

  /**
   * Exports {@code model}, reloads it as serving does and checks its clip accuracy on {@code
   * examples} equals what the training graph measured, with every window's probabilities summing to
   * 1.
   */
  static void assertExportedModelScoresAsTrained(
      Path dir, TrainedModel model, List<Example> examples) throws Exception {
    export(dir, model);

    assertThat(dir.resolve("saved_model.pb")).isRegularFile();
    try (EmotionModel loaded = EmotionModel.load(dir, SyntheticClips.SPEC)) {
      assertThat(loaded.version()).isEqualTo("test-1");
      int correct = 0;
      for (Example example : examples) {
        float[][] windows = loaded.probabilities(example.frames().windows());
        double[] mean = new double[Emotion.count()];
        for (float[] window : windows) {
          double sum = 0;
          for (int c = 0; c < window.length; c++) {
            mean[c] += window[c];
            sum += window[c];
          }
          assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        if (Trainer.argmax(mean) == example.emotion()) {
          correct++;
        }
      }
      double accuracy = (double) correct / examples.size();
      assertThat(accuracy)
          .isCloseTo(
              model.validation().get("synthetic").accuracy(),
              org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  /** Writes {@code model} to {@code dir} as version {@code test-1}, uncalibrated. */
  private static void export(Path dir, TrainedModel model) throws Exception {
    ModelExport.write(
        dir,
        model,
        SyntheticClips.SPEC,
        "test-1",
        "test only",
        training(),
        Calibration.NONE,
        Map.of());
  }

  @Test
  void exportedModelRefusesAnotherFeatureSpec(@TempDir Path dir) throws Exception {
    export(dir, model);
    FeatureSpec other = FeatureSpec.librosaDefaults(16_000);

    assertThatThrownBy(() -> EmotionModel.load(dir, other))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("trained on features")
        .extracting(e -> ((ModelException) e).code())
        .isEqualTo("model_spec_mismatch");
  }

  private static ModelCard.Training training() {
    return new ModelCard.Training(
        "test",
        42,
        Map.of("synthetic", "tones"),
        List.of("synthetic:0"),
        List.of(),
        6,
        6,
        1.0,
        Map.of(),
        "epoch 6");
  }
}
