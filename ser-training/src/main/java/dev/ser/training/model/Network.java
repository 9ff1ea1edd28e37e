package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.Normalisation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Builds the CNN+GRU's forward pass into a graph. The GRU is unrolled over {@link
 * Architecture#steps()} steps: TensorFlow Java cannot differentiate a while loop, and the exported
 * graph reuses this code so training and serving compute the same function.
 *
 * <p>Inputs are {@code logMel [n][frames][n_mels]}, {@code frames [n][frames][width]} and {@code
 * mask [n][frames]} (1 where there is audio); normalisation happens inside the graph.
 */
final class Network {
  private static final float BATCH_NORM_EPSILON = 1e-3f;
  private static final float BATCH_NORM_MOMENTUM = 0.95f;
  private static final int ATTENTION_UNITS = 32;
  private static final float STATS_FLOOR = 1e-5f;

  private final Architecture architecture;
  private final Normalisation normalisation;
  private final Parameters parameters;
  private final Random initial;
  private final Map<String, Operand<TFloat32>> kernels = new LinkedHashMap<>();

  /**
   * @param seed seeds the initial weights (Glorot-uniform kernels, zero biases)
   */
  Network(
      Architecture architecture, Normalisation normalisation, Parameters parameters, long seed) {
    this.architecture = architecture;
    this.normalisation = normalisation;
    this.parameters = parameters;
    this.initial = new Random(seed);
  }

  /**
   * Logits {@code [n][6]}.
   *
   * @param training with batch statistics (their running averages' updates go to {@code updates})
   *     and {@code keep}; otherwise with the running averages and no dropout
   * @param keep the dropout mask {@code [n][embedding_width]}: 0 or {@code 1 / (1 - rate)}, fed by
   *     the trainer so a seed fixes it
   */
  Operand<TFloat32> logits(
      Ops tf,
      Operand<TFloat32> logMel,
      Operand<TFloat32> frames,
      Operand<TFloat32> mask,
      boolean training,
      Optional<Operand<TFloat32>> keep,
      List<Op> updates) {
    Operand<TFloat32> pooled = pooled(tf, logMel, frames, mask, training, updates);
    return classify(tf, pooled, training ? keep : Optional.empty());
  }

  /**
   * The utterance embedding {@code [n][embedding_width]}: the GRU's states averaged over the audio
   * steps (followed by their standard deviation with statistics pooling), before dropout. What
   * {@link #classify} reads and a speaker adversary may read too.
   */
  Operand<TFloat32> pooled(
      Ops tf,
      Operand<TFloat32> logMel,
      Operand<TFloat32> frames,
      Operand<TFloat32> mask,
      boolean training,
      List<Op> updates) {
    int window = architecture.windowFrames();
    int steps = architecture.steps();
    int pool = architecture.timePooling();
    Operand<TFloat32> frameMask = tf.expandDims(mask, tf.constant(2));

    Operand<TFloat32> x =
        tf.math.mul(
            tf.math.div(
                tf.math.sub(logMel, tf.constant(normalisation.logMelMean())),
                tf.constant(normalisation.logMelStd())),
            frameMask);
    if (architecture.centredLogMel()) {
      x = tf.math.mul(tf.math.sub(x, windowMean(tf, x, frameMask)), frameMask);
    }
    x = tf.expandDims(x, tf.constant(3));
    int channelsIn = 1;
    int[] channels = architecture.convChannels();
    for (int block = 0; block < channels.length; block++) {
      int in = channelsIn;
      int out = channels[block];
      Operand<TFloat32> kernel =
          parameters.weight(
              "conv" + block + "/kernel",
              Shape.of(3, 3, in, out),
              () -> glorot(3 * 3 * in, 3 * 3 * out, 3 * 3 * in * out));
      kernels.put("conv" + block, kernel);
      x = tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
      x = batchNorm(tf, x, "conv" + block + "/bn", out, training, updates);
      x = tf.nn.relu(x);
      int[] poolShape = {1, architecture.timePools()[block], architecture.melPools()[block], 1};
      x = tf.nn.maxPool(x, tf.constant(poolShape), tf.constant(poolShape), "VALID");
      channelsIn = out;
    }
    x = tf.reshape(x, tf.constant(new int[] {-1, steps, architecture.cnnWidth()}));

    int width = architecture.frameWidth();
    Operand<TFloat32> f =
        tf.math.mul(
            tf.math.div(
                tf.math.sub(frames, tf.constant(normalisation.frameMean())),
                tf.constant(normalisation.frameStd())),
            frameMask);
    if (architecture.centredMfcc() || architecture.centredLoudness()) {
      float[] centred = new float[width];
      if (architecture.centredMfcc()) {
        Arrays.fill(centred, 0, width - 2, 1f);
      }
      if (architecture.centredLoudness()) {
        centred[width - 1] = 1f;
      }
      f =
          tf.math.mul(
              tf.math.sub(f, tf.math.mul(windowMean(tf, f, frameMask), tf.constant(centred))),
              frameMask);
    }
    f = tf.reshape(f, tf.constant(new int[] {-1, steps, pool, width}));
    f = tf.math.mean(f, tf.constant(2));

    Operand<TFloat32> sequence = tf.concat(List.of(x, f), tf.constant(2));
    Operand<TFloat32> states = gru(tf, sequence, architecture.cnnWidth() + width);

    Operand<TFloat32> stepMask =
        tf.math.mean(tf.reshape(mask, tf.constant(new int[] {-1, steps, pool})), tf.constant(2));
    Operand<TFloat32> weights =
        architecture.attentionPooling() ? tf.math.mul(attention(tf, states), stepMask) : stepMask;
    weights =
        tf.math.div(
            weights,
            tf.math.add(
                tf.reduceSum(weights, tf.constant(1), ReduceSum.keepDims(true)),
                tf.constant(1e-6f)));
    Operand<TFloat32> stepWeights = tf.expandDims(weights, tf.constant(2));
    Operand<TFloat32> mean = tf.reduceSum(tf.math.mul(states, stepWeights), tf.constant(1));
    if (!architecture.statsPooling()) {
      return mean;
    }
    Operand<TFloat32> variance =
        tf.reduceSum(
            tf.math.mul(
                tf.math.square(tf.math.sub(states, tf.expandDims(mean, tf.constant(1)))),
                stepWeights),
            tf.constant(1));
    // The floor keeps sqrt's gradient finite where a state does not move over the window.
    Operand<TFloat32> sd = tf.math.sqrt(tf.math.add(variance, tf.constant(STATS_FLOOR)));
    return tf.concat(List.of(mean, sd), tf.constant(1));
  }

  /**
   * Logits {@code [n][6]} of an embedding from {@link #pooled}.
   *
   * @param keep the dropout mask, when training
   */
  Operand<TFloat32> classify(Ops tf, Operand<TFloat32> pooled, Optional<Operand<TFloat32>> keep) {
    if (keep.isPresent()) {
      pooled = tf.math.mul(pooled, keep.get());
    }
    int units = architecture.embeddingWidth();
    int classes = Emotion.count();
    Operand<TFloat32> dense =
        parameters.weight(
            "dense/kernel",
            Shape.of(units, classes),
            () -> glorot(units, classes, units * classes));
    kernels.put("dense", dense);
    Operand<TFloat32> bias =
        parameters.weight("dense/bias", Shape.of(classes), () -> new float[classes]);
    return tf.math.add(tf.linalg.matMul(pooled, dense), bias);
  }

  /**
   * Attention pooling's unnormalised weights {@code [n][steps]} (Mirsamadi et al. 2017): each GRU
   * state is scored by a small tanh layer and a learned vector, {@code exp(v . tanh(W s + b))},
   * shifted by each window's highest score so the exponential cannot overflow. The caller masks the
   * padding and normalises, so the steps that carry emotion count more than silence or neutral
   * stretches.
   */
  private Operand<TFloat32> attention(Ops tf, Operand<TFloat32> states) {
    int units = architecture.gruUnits();
    int hidden = ATTENTION_UNITS;
    Operand<TFloat32> kernel =
        parameters.weight(
            "attention/kernel",
            Shape.of(units, hidden),
            () -> glorot(units, hidden, units * hidden));
    Operand<TFloat32> bias =
        parameters.weight("attention/bias", Shape.of(hidden), () -> new float[hidden]);
    Operand<TFloat32> vector =
        parameters.weight("attention/vector", Shape.of(hidden, 1), () -> glorot(hidden, 1, hidden));
    kernels.put("attention", kernel);
    Operand<TFloat32> scores =
        tf.linalg.matMul(
            tf.math.tanh(
                tf.math.add(
                    tf.linalg.matMul(
                        tf.reshape(states, tf.constant(new int[] {-1, units})), kernel),
                    bias)),
            vector);
    scores = tf.reshape(scores, tf.constant(new int[] {-1, architecture.steps()}));
    scores = tf.math.sub(scores, tf.reduceMax(scores, tf.constant(1), ReduceMax.keepDims(true)));
    return tf.math.exp(scores);
  }

  /** Kernels created so far (conv, GRU, dense), the terms of the L2 penalty. */
  List<Operand<TFloat32>> kernels() {
    return List.copyOf(kernels.values());
  }

  /**
   * A GRU (Cho et al. 2014, reset gate applied after the recurrent product as in cuDNN/Keras v3)
   * over {@code [n][steps][inputs]}, returning every state {@code [n][steps][units]}; the state
   * starts at zero.
   */
  private Operand<TFloat32> gru(Ops tf, Operand<TFloat32> sequence, int inputs) {
    int units = architecture.gruUnits();
    int steps = architecture.steps();
    Operand<TFloat32> kernel =
        parameters.weight(
            "gru/kernel",
            Shape.of(inputs, 3L * units),
            () -> glorot(inputs, 3 * units, inputs * 3 * units));
    Operand<TFloat32> recurrent =
        parameters.weight(
            "gru/recurrent",
            Shape.of(units, 3L * units),
            () -> glorot(units, 3 * units, units * 3 * units));
    Operand<TFloat32> bias =
        parameters.weight("gru/bias", Shape.of(3L * units), () -> new float[3 * units]);
    kernels.put("gru/kernel", kernel);
    kernels.put("gru/recurrent", recurrent);
    Operand<TFloat32> projected =
        tf.math.add(
            tf.linalg.matMul(tf.reshape(sequence, tf.constant(new int[] {-1, inputs})), kernel),
            bias);
    projected = tf.reshape(projected, tf.constant(new int[] {-1, steps, 3 * units}));
    List<Operand<TFloat32>> perStep = new ArrayList<>();
    tf.unstack(projected, (long) steps, Unstack.axis(1L)).forEach(perStep::add);

    List<Operand<TFloat32>> states = new ArrayList<>(steps);
    Operand<TFloat32> state = null;
    for (Operand<TFloat32> input : perStep) {
      List<Operand<TFloat32>> gates = split3(tf, input);
      Operand<TFloat32> update;
      Operand<TFloat32> candidate;
      if (state == null) {
        update = tf.math.sigmoid(gates.get(0));
        candidate = tf.math.tanh(gates.get(2));
        state = tf.math.sub(candidate, tf.math.mul(update, candidate));
      } else {
        List<Operand<TFloat32>> hidden = split3(tf, tf.linalg.matMul(state, recurrent));
        update = tf.math.sigmoid(tf.math.add(gates.get(0), hidden.get(0)));
        Operand<TFloat32> reset = tf.math.sigmoid(tf.math.add(gates.get(1), hidden.get(1)));
        candidate = tf.math.tanh(tf.math.add(gates.get(2), tf.math.mul(reset, hidden.get(2))));
        state = tf.math.add(candidate, tf.math.mul(update, tf.math.sub(state, candidate)));
      }
      states.add(state);
    }
    return tf.stack(states, Stack.axis(1L));
  }

  private static List<Operand<TFloat32>> split3(Ops tf, Operand<TFloat32> value) {
    List<Operand<TFloat32>> parts = new ArrayList<>(3);
    tf.split(tf.constant(1), value, 3L).forEach(parts::add);
    return parts;
  }

  /**
   * Batch normalisation over {@code [n][time][mel]} per channel: batch statistics while training
   * (queuing updates of their running averages), the running averages otherwise.
   */
  private Operand<TFloat32> batchNorm(
      Ops tf, Operand<TFloat32> x, String name, int channels, boolean training, List<Op> updates) {
    Operand<TFloat32> gamma =
        parameters.weight(name + "/gamma", Shape.of(channels), () -> filled(channels, 1f));
    Operand<TFloat32> beta =
        parameters.weight(name + "/beta", Shape.of(channels), () -> new float[channels]);
    Operand<TFloat32> runningMean =
        parameters.statistic(name + "/mean", Shape.of(channels), () -> new float[channels]);
    Operand<TFloat32> runningVariance =
        parameters.statistic(name + "/variance", Shape.of(channels), () -> filled(channels, 1f));
    Operand<TFloat32> mean;
    Operand<TFloat32> variance;
    if (training) {
      Operand<org.tensorflow.types.TInt32> axes = tf.constant(new int[] {0, 1, 2});
      mean = tf.math.mean(x, axes, Mean.keepDims(false));
      variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)), axes);
      Operand<TFloat32> momentum = tf.constant(BATCH_NORM_MOMENTUM);
      Operand<TFloat32> rest = tf.constant(1 - BATCH_NORM_MOMENTUM);
      updates.add(
          tf.assign(
              runningMean,
              tf.math.add(
                  tf.math.mul(runningMean, momentum), tf.math.mul(tf.stopGradient(mean), rest))));
      updates.add(
          tf.assign(
              runningVariance,
              tf.math.add(
                  tf.math.mul(runningVariance, momentum),
                  tf.math.mul(tf.stopGradient(variance), rest))));
    } else {
      mean = runningMean;
      variance = runningVariance;
    }
    Operand<TFloat32> scale =
        tf.math.mul(tf.math.rsqrt(tf.math.add(variance, tf.constant(BATCH_NORM_EPSILON))), gamma);
    return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), beta);
  }

  private float[] glorot(int fanIn, int fanOut, int size) {
    return glorot(initial, fanIn, fanOut, size);
  }

  /** {@code size} Glorot-uniform values: uniform in ±sqrt(6 / (fanIn + fanOut)). */
  static float[] glorot(Random random, int fanIn, int fanOut, int size) {
    float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (random.nextFloat() * 2 - 1) * limit;
    }
    return values;
  }

  private static float[] filled(int size, float value) {
    float[] values = new float[size];
    Arrays.fill(values, value);
    return values;
  }

  /**
   * The mean over the audio frames of each window: {@code [n][1][width]} of {@code
   * [n][frames][width]}.
   */
  private static Operand<TFloat32> windowMean(
      Ops tf, Operand<TFloat32> values, Operand<TFloat32> frameMask) {
    return tf.math.div(
        tf.reduceSum(tf.math.mul(values, frameMask), tf.constant(1), ReduceSum.keepDims(true)),
        tf.math.add(
            tf.reduceSum(frameMask, tf.constant(1), ReduceSum.keepDims(true)), tf.constant(1e-6f)));
  }
}
