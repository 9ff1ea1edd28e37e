package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.EmotionModel;
import dev.ser.inference.Normalisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
  private static final String ADVERSARY = "adversary/";

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
  private final int speakers;
  private final Placeholder<TFloat32> speakerLabels;
  private final Placeholder<TFloat32> reversal;
  private final Operand<TFloat32> speakerLoss;
  private long steps;

  /**
   * One step's mean loss (cross-entropy plus L2), the speaker adversary's mean cross-entropy (0
   * without one) and the training pass's probabilities {@code [n][6]}.
   */
  record Step(float loss, float speakerLoss, float[][] probabilities) {}

  /**
   * @param speakers training speakers the adversary tells apart; 0 for no adversary
   */
  TrainingGraph(Architecture architecture, Normalisation normalisation, long seed, int speakers) {
    this.speakers = speakers;
    this.architecture = architecture;
    Ops tf = Ops.create(graph);
    long window = architecture.windowFrames();
    logMel = input(tf, "logmel", Shape.of(-1, window, architecture.melBins()));
    frames = input(tf, "frames", Shape.of(-1, window, architecture.frameWidth()));
    mask = input(tf, "mask", Shape.of(-1, window));
    keep = input(tf, "keep", Shape.of(-1, architecture.embeddingWidth()));
    labels = input(tf, "labels", Shape.of(-1, Emotion.count()));

    variables = new Variables(tf);
    Network network = new Network(architecture, normalisation, variables, seed);
    List<Op> updates = new ArrayList<>();
    Operand<TFloat32> pooled = network.pooled(tf, logMel, frames, mask, true, updates);
    Operand<TFloat32> logits = network.classify(tf, pooled, Optional.of(keep));
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
    Operand<TFloat32> objective = loss;
    if (speakers > 0) {
      speakerLabels = input(tf, "speakers", Shape.of(-1, speakers));
      reversal = input(tf, "reversal", Shape.scalar());
      speakerLoss =
          tf.math.mean(
              tf.nn
                  .softmaxCrossEntropyWithLogits(
                      speakerLogits(tf, reversed(tf, pooled, reversal), seed), speakerLabels)
                  .loss(),
              tf.constant(0));
      objective = tf.math.add(loss, speakerLoss);
    } else {
      speakerLabels = null;
      reversal = null;
      speakerLoss = null;
    }

    List<Variable<TFloat32>> trainable = variables.trainable();
    Output<?>[] gradients =
        graph.addGradients(
            objective.asOutput(),
            trainable.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
    rate = input(tf, "learning_rate", Shape.scalar());
    betaOnePower = input(tf, "beta1_power", Shape.scalar());
    betaTwoPower = input(tf, "beta2_power", Shape.scalar());
    // Every update waits for every gradient and for the fetched values: otherwise one weight can
    // be updated in place while an op that still has to read it is pending, which makes the step
    // depend on the threads' timing (and mixes old and new weights in one step).
    List<Op> computed = new ArrayList<>(List.of(loss, trainingProbabilities));
    for (Output<?> gradient : gradients) {
      computed.add(gradient);
    }
    if (speakerLoss != null) {
      computed.add(speakerLoss);
    }
    Ops afterGradients = tf.withControlDependencies(computed);
    Operand<TFloat32> betaOne = tf.constant(BETA_ONE);
    Operand<TFloat32> betaTwo = tf.constant(BETA_TWO);
    Operand<TFloat32> epsilon = tf.constant(EPSILON);
    for (int i = 0; i < trainable.size(); i++) {
      Variable<TFloat32> variable = trainable.get(i);
      Shape shape = variable.shape();
      Variable<TFloat32> firstMoment = tf.variable(zeros(tf, shape));
      Variable<TFloat32> secondMoment = tf.variable(zeros(tf, shape));
      targets.add(
          afterGradients.train.applyAdam(
              variable,
              firstMoment,
              secondMoment,
              betaOnePower,
              betaTwoPower,
              rate,
              betaOne,
              betaTwo,
              epsilon,
              gradients[i].expect(TFloat32.class)));
    }
    targets.addAll(updates);
    session = new Session(graph);
    session.initialize();
  }

  /**
   * {@code x} going forward, {@code -weight} times the gradient going back (gradient reversal):
   * {@code stopGradient((1 + weight) x) - weight x}.
   */
  static Operand<TFloat32> reversed(Ops tf, Operand<TFloat32> x, Operand<TFloat32> weight) {
    return tf.math.sub(
        tf.stopGradient(tf.math.mul(x, tf.math.add(tf.constant(1f), weight))),
        tf.math.mul(x, weight));
  }

  /** The adversary: one hidden ReLU layer over the embedding, logits over the speakers. */
  private Operand<TFloat32> speakerLogits(Ops tf, Operand<TFloat32> embedding, long seed) {
    Random initial = new Random(seed ^ 0x5EA4E25L);
    int units = architecture.gruUnits();
    Operand<TFloat32> hidden =
        tf.nn.relu(dense(tf, embedding, "hidden", architecture.embeddingWidth(), units, initial));
    return dense(tf, hidden, "speaker", units, speakers, initial);
  }

  /** {@code x W + b}, an adversary layer of {@code in} to {@code out} values. */
  private Operand<TFloat32> dense(
      Ops tf, Operand<TFloat32> x, String name, int in, int out, Random initial) {
    Operand<TFloat32> kernel =
        variables.weight(
            ADVERSARY + name + "/kernel",
            Shape.of(in, out),
            () -> Network.glorot(initial, in, out, in * out));
    Operand<TFloat32> bias =
        variables.weight(ADVERSARY + name + "/bias", Shape.of(out), () -> new float[out]);
    return tf.math.add(tf.linalg.matMul(x, kernel), bias);
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
   * @param speakerOneHot {@code [n * speakers]} each window's training speaker, for the adversary
   * @param reversalWeight how strongly the embedding is pushed away from the adversary this step
   */
  Step train(
      Batch batch,
      float[] oneHot,
      float[] keepMask,
      float learningRate,
      float[] speakerOneHot,
      float reversalWeight) {
    int n = batch.size();
    steps++;
    try (TFloat32 mel = batch.logMelTensor(architecture);
        TFloat32 frame = batch.framesTensor(architecture);
        TFloat32 valid = batch.maskTensor(architecture);
        TFloat32 keepTensor =
            TFloat32.tensorOf(
                Shape.of(n, architecture.embeddingWidth()), DataBuffers.of(keepMask, true, false));
        TFloat32 target =
            TFloat32.tensorOf(Shape.of(n, Emotion.count()), DataBuffers.of(oneHot, true, false));
        TFloat32 rateTensor = TFloat32.scalarOf(learningRate);
        TFloat32 betaOne = TFloat32.scalarOf((float) Math.pow(BETA_ONE, steps));
        TFloat32 betaTwo = TFloat32.scalarOf((float) Math.pow(BETA_TWO, steps));
        TFloat32 speakerTarget =
            speakers > 0
                ? TFloat32.tensorOf(
                    Shape.of(n, speakers), DataBuffers.of(speakerOneHot, true, false))
                : null;
        TFloat32 reversalTensor = TFloat32.scalarOf(reversalWeight)) {
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
      if (speakers > 0) {
        runner.feed(speakerLabels, speakerTarget).feed(reversal, reversalTensor).fetch(speakerLoss);
      }
      targets.forEach(runner::addTarget);
      try (Result result = runner.run()) {
        float value = ((TFloat32) result.get(0)).getFloat();
        float adversary = speakers > 0 ? ((TFloat32) result.get(2)).getFloat() : 0f;
        return new Step(value, adversary, EmotionModel.rows((TFloat32) result.get(1), n));
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

  /**
   * Every weight and running statistic of the network, by name: what {@link ModelExport} freezes.
   * The adversary's are left out: serving never uses them.
   */
  Map<String, float[]> weights() {
    Map<String, float[]> weights = variables.values(session);
    weights.keySet().removeIf(name -> name.startsWith(ADVERSARY));
    return weights;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
