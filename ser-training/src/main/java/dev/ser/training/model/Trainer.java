package dev.ser.training.model;

import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.InputWindow;
import dev.ser.inference.ModelCard;
import dev.ser.inference.Normalisation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Trains the CNN+GRU from examples held in memory. Each epoch draws as many windows as there are
 * training clips, as often as {@link Sampling} says (by default every emotion equally often); then
 * it scores the validation clips the way serving does (mean of the window probabilities) and keeps
 * the weights of the epoch with the best mean of the per-corpus unweighted accuracies (early
 * stopping), or, with {@link TrainingOptions#keepAverage()}, the weight average of the last epochs
 * whatever the scores.
 */
public final class Trainer {
  private static final int EVALUATION_BATCH = 64;

  private final Architecture architecture;
  private final TrainingOptions options;
  private final PrintStream log;

  public Trainer(Architecture architecture, TrainingOptions options, PrintStream log) {
    this.architecture = architecture;
    this.options = options;
    this.log = log;
  }

  /**
   * @param train clips to learn from
   * @param validation clips of held-out speakers, scored per corpus after every epoch; when empty
   *     the training clips are scored instead
   */
  public TrainedModel train(List<Example> train, List<Example> validation) {
    return train(train, validation, model -> {});
  }

  /**
   * {@link #train(List, List)}, handing the model to {@code onBest} whenever an epoch beats the
   * best so far, so a long run leaves a usable model behind if it is stopped.
   */
  public TrainedModel train(
      List<Example> train, List<Example> validation, Consumer<TrainedModel> onBest) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("no training clips");
    }
    long started = System.nanoTime();
    Normalisation normalisation = FeatureStatistics.of(train);
    Random random = new Random(options.seed());
    double[] cumulative = options.sampling().cumulative(train);
    List<Example> scored = validation.isEmpty() ? train : validation;
    // A model that keeps its weight average whatever the scores needs no scores of the training
    // clips, which would cost as much as a quarter of each epoch.
    boolean scoreEpochs = !(validation.isEmpty() && options.keepAverage());

    List<Double> losses = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    Map<String, float[]> best = Map.of();
    Map<String, ModelCard.Metrics> bestMetrics = Map.of();
    double bestScore = Double.NEGATIVE_INFINITY;
    int bestEpoch = 0;
    int epoch = 0;
    int averageFrom = options.averageFrom() > 0 ? options.averageFrom() : Integer.MAX_VALUE;
    Map<String, double[]> sums = new HashMap<>();
    int averaged = 0;
    Map<String, Integer> speakers = speakerIndex(train);
    double speakerChance = options.speakerAdversary() > 0 ? speakerEntropy(train, cumulative) : 0;
    try (TrainingGraph graph =
        new TrainingGraph(
            architecture,
            normalisation,
            options.seed(),
            options.speakerAdversary() > 0 ? speakers.size() : 0)) {
      while (epoch < options.epochs()
          && (options.keepAverage() || epoch - bestEpoch < options.patience())) {
        epoch++;
        long epochStarted = System.nanoTime();
        EpochResult result =
            runEpoch(graph, train, speakers, normalisation, cumulative, random, epoch);
        losses.add(result.loss);
        Map<String, ModelCard.Metrics> metrics =
            scoreEpochs ? evaluate(graph::evaluate, scored) : Map.of();
        double score =
            metrics.values().stream()
                .mapToDouble(ModelCard.Metrics::unweightedAccuracy)
                .average()
                .orElse(0);
        if (scoreEpochs) {
          scores.add(score);
        }
        boolean improved = score > bestScore;
        if (improved) {
          bestScore = score;
          bestEpoch = epoch;
          best = graph.weights();
          bestMetrics = metrics;
          onBest.accept(
              new TrainedModel(
                  architecture,
                  normalisation,
                  best,
                  epoch,
                  bestEpoch,
                  losses,
                  scores,
                  bestMetrics,
                  (System.nanoTime() - started) / 1e9,
                  "epoch " + epoch));
        }
        if (epoch >= averageFrom) {
          accumulate(sums, graph.weights());
          averaged++;
        }
        log.printf(
            Locale.ROOT,
            "\repoch %d/%d  loss %.4f%s  train acc %.3f UA %.3f  |%s  %.0f s%s%n",
            epoch,
            options.epochs(),
            result.loss,
            options.speakerAdversary() > 0
                ? String.format(
                    Locale.ROOT,
                    "  speaker loss %.3f (chance %.3f)",
                    result.speakerLoss,
                    speakerChance)
                : "",
            result.metrics.accuracy(),
            result.metrics.unweightedAccuracy(),
            describe(metrics),
            (System.nanoTime() - epochStarted) / 1e9,
            improved ? "  *best" : "");
      }
    }
    String kept = "epoch " + bestEpoch;
    if (averaged >= 2 || (options.keepAverage() && averaged == 1)) {
      Map<String, float[]> mean = mean(sums, averaged);
      String description =
          "mean of the weights of epochs " + averageFrom + "-" + epoch + " (weight averaging)";
      try (FrozenNetwork frozen = new FrozenNetwork(architecture, normalisation, mean)) {
        Map<String, ModelCard.Metrics> metrics =
            scoreEpochs ? evaluate(frozen::probabilities, scored) : Map.of();
        double score =
            metrics.values().stream()
                .mapToDouble(ModelCard.Metrics::unweightedAccuracy)
                .average()
                .orElse(0);
        log.printf(Locale.ROOT, "%s: |%s%n", description, describe(metrics));
        if (options.keepAverage() || score > bestScore) {
          bestScore = score;
          best = mean;
          bestMetrics = metrics;
          bestEpoch = epoch;
          kept = description;
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log.printf(
        Locale.ROOT,
        "kept the %s (mean validation UA %.3f) after %d epochs, %.0f s%n",
        kept,
        bestScore,
        epoch,
        seconds);
    TrainedModel model =
        new TrainedModel(
            architecture,
            normalisation,
            best,
            epoch,
            bestEpoch,
            losses,
            scores,
            bestMetrics,
            seconds,
            kept);
    if (kept.startsWith("mean")) {
      onBest.accept(model);
    }
    return model;
  }

  private static void accumulate(Map<String, double[]> sums, Map<String, float[]> weights) {
    weights.forEach(
        (name, values) -> {
          double[] sum = sums.computeIfAbsent(name, n -> new double[values.length]);
          for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
          }
        });
  }

  private static Map<String, float[]> mean(Map<String, double[]> sums, int count) {
    Map<String, float[]> mean = new HashMap<>();
    sums.forEach(
        (name, sum) -> {
          float[] values = new float[sum.length];
          for (int i = 0; i < sum.length; i++) {
            values[i] = (float) (sum[i] / count);
          }
          mean.put(name, values);
        });
    return mean;
  }

  private record EpochResult(double loss, double speakerLoss, ModelCard.Metrics metrics) {}

  /** Each training speaker's position in the adversary's output, in sorted order. */
  private static Map<String, Integer> speakerIndex(List<Example> train) {
    Map<String, Integer> index = new TreeMap<>();
    train.forEach(example -> index.put(example.speaker(), 0));
    int next = 0;
    for (Map.Entry<String, Integer> entry : index.entrySet()) {
      entry.setValue(next++);
    }
    return index;
  }

  /**
   * The entropy (nats) of the speaker of a drawn window: the adversary's cross-entropy when it can
   * only guess from how often each speaker is drawn.
   */
  static double speakerEntropy(List<Example> train, double[] cumulative) {
    Map<String, Double> shares = new HashMap<>();
    double previous = 0;
    for (int i = 0; i < train.size(); i++) {
      Example example = train.get(i);
      shares.merge(example.speaker(), cumulative[i] - previous, Double::sum);
      previous = cumulative[i];
    }
    return -shares.values().stream().mapToDouble(p -> p > 0 ? p * Math.log(p) : 0).sum();
  }

  /**
   * The adversary's reversal weight after {@code progress} (0 to 1) of the run: Ganin et al.'s ramp
   * {@code 2 / (1 + exp(-10 p)) - 1} times the configured weight, so the emotion features form
   * before the speaker is pushed out of them.
   */
  float reversalWeight(double progress) {
    return (float) (options.speakerAdversary() * (2 / (1 + Math.exp(-10 * progress)) - 1));
  }

  private EpochResult runEpoch(
      TrainingGraph graph,
      List<Example> train,
      Map<String, Integer> speakers,
      Normalisation normalisation,
      double[] cumulative,
      Random random,
      int epoch) {
    int batchSize = options.batchSize();
    int batches = (train.size() + batchSize - 1) / batchSize;
    float keepScale = 1 / (1 - architecture.dropout());
    double lossSum = 0;
    double speakerLossSum = 0;
    List<Emotion> truth = new ArrayList<>();
    List<Emotion> predicted = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      int n = Math.min(batchSize, train.size() - b * batchSize);
      List<InputWindow> windows = new ArrayList<>(n);
      float[] targets = new float[n * Emotion.count()];
      float[] speakerTargets = new float[n * speakers.size()];
      List<Emotion> labels = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Example example = train.get(draw(cumulative, random));
        speakerTargets[i * speakers.size() + speakers.get(example.speaker())] = 1;
        windows.add(
            options.augmentation().apply(example.drawFrames(random), normalisation, random));
        System.arraycopy(
            options.target(example.emotion()), 0, targets, i * Emotion.count(), Emotion.count());
        labels.add(example.emotion());
      }
      if (options.mixup() > 0) {
        mix(windows, targets, random);
      }
      float[] keep = new float[n * architecture.embeddingWidth()];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = random.nextFloat() < architecture.dropout() ? 0 : keepScale;
      }
      double progress = ((epoch - 1) * batches + b) / (double) (options.epochs() * batches);
      TrainingGraph.Step step =
          graph.train(
              new Batch(windows),
              targets,
              keep,
              learningRate(epoch),
              speakerTargets,
              reversalWeight(progress));
      lossSum += step.loss() * n;
      speakerLossSum += step.speakerLoss() * n;
      truth.addAll(labels);
      for (float[] row : step.probabilities()) {
        predicted.add(argmax(row));
      }
      if ((b + 1) % 10 == 0 || b + 1 == batches) {
        log.printf(
            Locale.ROOT,
            "\repoch %d %s %d/%d batches  loss %.4f",
            epoch,
            bar(b + 1, batches),
            b + 1,
            batches,
            lossSum / truth.size());
        log.flush();
      }
    }
    return new EpochResult(
        lossSum / truth.size(), speakerLossSum / truth.size(), Scores.of(truth, predicted));
  }

  /** Blends each window (and target) with a random other window of the batch ({@link Mixup}). */
  private void mix(List<InputWindow> windows, float[] targets, Random random) {
    int n = windows.size();
    int classes = Emotion.count();
    List<InputWindow> original = List.copyOf(windows);
    float[] originalTargets = targets.clone();
    for (int i = 0; i < n; i++) {
      int j = random.nextInt(n);
      float lambda = Mixup.lambda(options.mixup(), random);
      windows.set(i, Mixup.mix(original.get(i), original.get(j), lambda));
      float[] mixed =
          Mixup.mix(
              Arrays.copyOfRange(originalTargets, i * classes, (i + 1) * classes),
              Arrays.copyOfRange(originalTargets, j * classes, (j + 1) * classes),
              lambda);
      System.arraycopy(mixed, 0, targets, i * classes, classes);
    }
  }

  /**
   * Cosine decay from the initial rate to 5 % of it over the planned epochs (Loshchilov & Hutter
   * 2017): large steps early, fine ones when early stopping may pick the epoch.
   */
  float learningRate(int epoch) {
    double progress = (epoch - 1.0) / Math.max(1, options.epochs() - 1);
    double floor = 0.05;
    return (float)
        (options.learningRate() * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress))));
  }

  /** Clip-level metrics per corpus: the mean of each clip's window probabilities, as served. */
  static Map<String, ModelCard.Metrics> evaluate(
      Function<Batch, float[][]> model, List<Example> examples) {
    List<InputWindow> pending = new ArrayList<>();
    List<float[]> windowProbabilities = new ArrayList<>();
    int[] windowsPerClip = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      List<InputWindow> windows = examples.get(i).frames().windows();
      windowsPerClip[i] = windows.size();
      for (InputWindow window : windows) {
        pending.add(window);
        if (pending.size() == EVALUATION_BATCH) {
          windowProbabilities.addAll(Arrays.asList(model.apply(new Batch(pending))));
          pending.clear();
        }
      }
    }
    if (!pending.isEmpty()) {
      windowProbabilities.addAll(Arrays.asList(model.apply(new Batch(pending))));
    }
    Map<String, List<Emotion>> truth = new TreeMap<>();
    Map<String, List<Emotion>> predicted = new HashMap<>();
    int next = 0;
    for (int i = 0; i < examples.size(); i++) {
      double[] mean = new double[Emotion.count()];
      for (int w = 0; w < windowsPerClip[i]; w++, next++) {
        for (int c = 0; c < mean.length; c++) {
          mean[c] += windowProbabilities.get(next)[c];
        }
      }
      String corpus = examples.get(i).corpus();
      truth.computeIfAbsent(corpus, k -> new ArrayList<>()).add(examples.get(i).emotion());
      predicted.computeIfAbsent(corpus, k -> new ArrayList<>()).add(argmax(mean));
    }
    Map<String, ModelCard.Metrics> metrics = new TreeMap<>();
    truth.forEach(
        (corpus, labels) -> metrics.put(corpus, Scores.of(labels, predicted.get(corpus))));
    return metrics;
  }

  private static int draw(double[] cumulative, Random random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    int i = index >= 0 ? index : -index - 1;
    return Math.min(i, cumulative.length - 1);
  }

  static Emotion argmax(float[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      if (row[i] > row[best]) {
        best = i;
      }
    }
    return Emotion.values()[best];
  }

  static Emotion argmax(double[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      if (row[i] > row[best]) {
        best = i;
      }
    }
    return Emotion.values()[best];
  }

  private static String describe(Map<String, ModelCard.Metrics> metrics) {
    StringBuilder text = new StringBuilder();
    metrics.forEach(
        (corpus, m) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    " val %s acc %.3f UA %.3f",
                    corpus,
                    m.accuracy(),
                    m.unweightedAccuracy())));
    return text.toString();
  }

  private static String bar(int done, int total) {
    int width = 20;
    int filled = done * width / total;
    return "[" + "=".repeat(filled) + " ".repeat(width - filled) + "]";
  }
}
