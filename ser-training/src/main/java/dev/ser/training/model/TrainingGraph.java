package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.Normalisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The training graph: a training pass (batch statistics, dropout) and an evaluation pass (running
 * statistics) sharing one set of variables, the loss (cross-entropy plus L2 on kernels), its
 * gradients from {@link Graph#addGradients} and Adam's update ({@code ApplyAdam}, its learning rate
 * fed each step so the trainer can schedule it). One session; closes both.
 */
final class TrainingGraph implements AutoCloseable {
  private static final float BETA_ONE = 0.9f;
  private static final float BETA_TWO = 0.999f;
  private static final float EPSILON = 1e-7f;

  private final Architecture architecture;
  private final Graph graph = new Graph();
  private final Session session;
  private final Variables variables;
  private final Placeholder<TFloat32> logMel;
  private final Placeholder<TFloat32> frames;
  private final Placeholder<TFloat32> mask;
  private final Placeholder<TFloat32> keep;
  private final Placeholder<TFloat32> labels;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> trainingProbabilities;
  private final Operand<TFloat32> evaluationProbabilities;
  private final List<Op> targets = new ArrayList<>();
  private final Placeholder<TFloat32> rate;
  private final Placeholder<TFloat32> betaOnePower;
  private final Placeholder<TFloat32> betaTwoPower;
  private long steps;

  /** One step's mean loss and the training pass's probabilities {@code [n][6]}. */
  record Step(float loss, float[][] probabilities) {}

  TrainingGraph(Architecture architecture, Normalisation normalisation, long seed) {
    this.architecture = architecture;
    Ops tf = Ops.create(graph);
    long window = architecture.windowFrames();
    logMel = input(tf, "logmel", Shape.of(-1, window, architecture.melBins()));
    frames = input(tf, "frames", Shape.of(-1, window, architecture.frameWidth()));
    mask = input(tf, "mask", Shape.of(-1, window));
    keep = input(tf, "keep", Shape.of(-1, architecture.gruUnits()));
    labels = input(tf, "labels", Shape.of(-1, Emotion.count()));

    variables = new Variables(tf);
    Network network = new Network(architecture, normalisation, variables, seed);
    List<Op> updates = new ArrayList<>();
    Operand<TFloat32> logits =
        network.logits(tf, logMel, frames, mask, true, Optional.of(keep), updates);
    trainingProbabilities = tf.nn.softmax(logits);
    evaluationProbabilities =
        tf.nn.softmax(
            network.logits(tf, logMel, frames, mask, false, Optional.empty(), new ArrayList<>()));

    Operand<TFloat32> crossEntropy =
        tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
    List<Operand<TFloat32>> penalties = new ArrayList<>();
    for (Operand<TFloat32> kernel : network.kernels()) {
      // Square's gradient crashes TF 2.18 when applied straight to a reference variable.
      Operand<TFloat32> value = tf.identity(kernel);
      penalties.add(tf.reduceSum(tf.math.square(value), tf.constant(rankAxes(kernel))));
    }
    loss =
        tf.math.add(
            crossEntropy, tf.math.mul(tf.constant(architecture.weightDecay()), sum(tf, penalties)));

    List<Variable<TFloat32>> trainable = variables.trainable();
    Output<?>[] gradients =
        graph.addGradients(
            loss.asOutput(), trainable.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
    rate = input(tf, "learning_rate", Shape.scalar());
    betaOnePower = input(tf, "beta1_power", Shape.scalar());
    betaTwoPower = input(tf, "beta2_power", Shape.scalar());
    for (int i = 0; i < trainable.size(); i++) {
      Variable<TFloat32> variable = trainable.get(i);
      Shape shape = variable.shape();
      targets.add(
          tf.train.applyAdam(
              variable,
              tf.variable(zeros(tf, shape)),
              tf.variable(zeros(tf, shape)),
              betaOnePower,
              betaTwoPower,
              rate,
              tf.constant(BETA_ONE),
              tf.constant(BETA_TWO),
              tf.constant(EPSILON),
              gradients[i].expect(TFloat32.class)));
    }
    targets.addAll(updates);
    session = new Session(graph);
    session.initialize();
  }

  private static Operand<TFloat32> zeros(Ops tf, Shape shape) {
    return tf.constant(shape, DataBuffers.of(new float[(int) shape.size()], true, false));
  }

  private static Placeholder<TFloat32> input(Ops tf, String name, Shape shape) {
    return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(shape));
  }

  private static Operand<TFloat32> sum(Ops tf, List<Operand<TFloat32>> terms) {
    Operand<TFloat32> total = terms.get(0);
    for (Operand<TFloat32> term : terms.subList(1, terms.size())) {
      total = tf.math.add(total, term);
    }
    return total;
  }

  private static int[] rankAxes(Operand<TFloat32> kernel) {
    int rank = kernel.shape().numDimensions();
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return axes;
  }

  /**
   * One optimiser step on a batch.
   *
   * @param batch the packed windows
   * @param oneHot {@code [n * 6]} targets
   * @param keepMask {@code [n * gru_units]} dropout mask
   * @param learningRate this step's Adam learning rate
   */
  Step train(Batch batch, float[] oneHot, float[] keepMask, float learningRate) {
    int n = batch.size();
    steps++;
    try (TFloat32 mel = batch.logMelTensor(architecture);
        TFloat32 frame = batch.framesTensor(architecture);
        TFloat32 valid = batch.maskTensor(architecture);
        TFloat32 keepTensor =
            TFloat32.tensorOf(
                Shape.of(n, architecture.gruUnits()), DataBuffers.of(keepMask, true, false));
        TFloat32 target =
            TFloat32.tensorOf(Shape.of(n, Emotion.count()), DataBuffers.of(oneHot, true, false));
        TFloat32 rateTensor = TFloat32.scalarOf(learningRate);
        TFloat32 betaOne = TFloat32.scalarOf((float) Math.pow(BETA_ONE, steps));
        TFloat32 betaTwo = TFloat32.scalarOf((float) Math.pow(BETA_TWO, steps))) {
      Session.Runner runner =
          session
              .runner()
              .feed(logMel, mel)
              .feed(frames, frame)
              .feed(mask, valid)
              .feed(keep, keepTensor)
              .feed(labels, target)
              .feed(rate, rateTensor)
              .feed(betaOnePower, betaOne)
              .feed(betaTwoPower, betaTwo)
              .fetch(loss)
              .fetch(trainingProbabilities);
      targets.forEach(runner::addTarget);
      try (Result result = runner.run()) {
        float value = ((TFloat32) result.get(0)).getFloat();
        return new Step(value, EmotionModel.rows((TFloat32) result.get(1), n));
      }
    }
  }

  /** Probabilities of the evaluation pass, {@code [n][6]}. */
  float[][] evaluate(Batch batch) {
    return probabilities(
        session, logMel, frames, mask, evaluationProbabilities, batch, architecture);
  }

  /**
   * {@code output}, probabilities {@code [n][6]}, of a session whose inputs are the three
   * placeholders, fed with {@code batch}: the evaluation pass here and the frozen network.
   */
  static float[][] probabilities(
      Session session,
      Placeholder<TFloat32> logMel,
      Placeholder<TFloat32> frames,
      Placeholder<TFloat32> mask,
      Operand<TFloat32> output,
      Batch batch,
      Architecture architecture) {
    try (TFloat32 mel = batch.logMelTensor(architecture);
        TFloat32 frame = batch.framesTensor(architecture);
        TFloat32 valid = batch.maskTensor(architecture);
        Result result =
            session
                .runner()
                .feed(logMel, mel)
                .feed(frames, frame)
                .feed(mask, valid)
                .fetch(output)
                .run()) {
      return EmotionModel.rows((TFloat32) result.get(0), batch.size());
    }
  }

  /** Every weight and running statistic, by name: what {@link ModelExport} freezes. */
  Map<String, float[]> weights() {
    return variables.values(session);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
