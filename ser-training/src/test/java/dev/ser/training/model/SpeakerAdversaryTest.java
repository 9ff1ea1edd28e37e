package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class SpeakerAdversaryTest {

  @Test
  void reversalPassesValuesForwardAndNegatesScaledGradientsBack() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> x = tf.constant(new float[] {1.5f, -2f, 3f});
      Operand<TFloat32> y = TrainingGraph.reversed(tf, x, tf.constant(0.25f));
      // d/dx of sum(y * [1, 2, 3]) through the reversal: -0.25 * [1, 2, 3]
      Operand<TFloat32> objective =
          tf.reduceSum(tf.math.mul(y, tf.constant(new float[] {1f, 2f, 3f})), tf.constant(0));
      Output<?>[] gradient =
          graph.addGradients(objective.asOutput(), new Output<?>[] {x.asOutput()});
      try (Session session = new Session(graph);
          Result result = session.runner().fetch(y).fetch(gradient[0]).run()) {
        TFloat32 forward = (TFloat32) result.get(0);
        TFloat32 backward = (TFloat32) result.get(1);
        assertThat(new float[] {forward.getFloat(0), forward.getFloat(1), forward.getFloat(2)})
            .containsExactly(1.5f, -2f, 3f);
        assertThat(new float[] {backward.getFloat(0), backward.getFloat(1), backward.getFloat(2)})
            .containsExactly(-0.25f, -0.5f, -0.75f);
      }
    }
  }

  @Test
  void emotionLossStillFallsWithAnAdversaryWhoseWeightsAreNotExported() {
    List<Example> examples = SyntheticClips.examples(4, 7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrainingOptions plain = TrainingOptions.plain(6, 8, 0.01f, 42);
    TrainingOptions options =
        new TrainingOptions(
            plain.epochs(),
            plain.patience(),
            plain.batchSize(),
            plain.learningRate(),
            plain.seed(),
            plain.augmentation(),
            plain.averageFrom(),
            plain.labelSmoothing(),
            1f,
            plain.sampling(),
            0f,
            false);
    TrainedModel model =
        new Trainer(
                SyntheticClips.tinyArchitecture(),
                options,
                new PrintStream(out, true, StandardCharsets.UTF_8))
            .train(examples, List.of());

    List<Double> losses = model.epochLosses();
    assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 0.6);
    // four synthetic speakers: chance is ln 4
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("speaker loss", "(chance 1.386)");
    assertThat(model.weights()).isNotEmpty();
    assertThat(model.weights().keySet()).noneMatch(name -> name.startsWith("adversary/"));
  }

  @Test
  void reversalWeightRampsFromZeroToTheConfiguredWeight() {
    TrainingOptions plain = TrainingOptions.plain(6, 8, 0.01f, 42);
    Trainer trainer =
        new Trainer(
            SyntheticClips.tinyArchitecture(),
            new TrainingOptions(
                6, 6, 8, 0.01f, 42, plain.augmentation(), 0, 0f, 0.5f, Sampling.CELLS, 0f, false),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(trainer.reversalWeight(0)).isZero();
    assertThat(trainer.reversalWeight(0.1)).isBetween(0.22f, 0.24f); // 0.5 * 0.462
    assertThat(trainer.reversalWeight(1)).isBetween(0.4999f, 0.5f);
  }
}
