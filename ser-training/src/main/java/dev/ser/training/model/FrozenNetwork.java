package dev.ser.training.model;

import dev.ser.inference.EmotionModel;
import dev.ser.inference.Normalisation;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The inference-only graph: the evaluation pass with every weight and running statistic frozen as a
 * constant, its inputs and output named as {@link EmotionModel} expects. What {@link ModelExport}
 * saves, and what the trainer scores averaged weights with.
 */
final class FrozenNetwork implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Architecture architecture;
  private final Placeholder<TFloat32> logMel;
  private final Placeholder<TFloat32> frames;
  private final Placeholder<TFloat32> mask;
  private final Operand<TFloat32> probabilities;

  FrozenNetwork(
      Architecture architecture, Normalisation normalisation, Map<String, float[]> weights) {
    this.architecture = architecture;
    Ops tf = Ops.create(graph);
    long window = architecture.windowFrames();
    logMel = input(tf, EmotionModel.LOG_MEL, Shape.of(-1, window, architecture.melBins()));
    frames = input(tf, EmotionModel.FRAMES, Shape.of(-1, window, architecture.frameWidth()));
    mask = input(tf, EmotionModel.MASK, Shape.of(-1, window));
    Network network = new Network(architecture, normalisation, new Constants(tf, weights), 0L);
    probabilities =
        tf.withName(EmotionModel.PROBABILITIES)
            .nn
            .softmax(
                network.logits(
                    tf, logMel, frames, mask, false, Optional.empty(), new ArrayList<>()));
    session = new Session(graph);
  }

  private static Placeholder<TFloat32> input(Ops tf, String name, Shape shape) {
    return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(shape));
  }

  Signature signature() {
    return Signature.builder()
        .key(EmotionModel.SIGNATURE)
        .input(EmotionModel.LOG_MEL, logMel)
        .input(EmotionModel.FRAMES, frames)
        .input(EmotionModel.MASK, mask)
        .output(EmotionModel.PROBABILITIES, probabilities)
        .build();
  }

  Session session() {
    return session;
  }

  /** Probabilities {@code [n][6]}. */
  float[][] probabilities(Batch batch) {
    return TrainingGraph.probabilities(
        session, logMel, frames, mask, probabilities, batch, architecture);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
