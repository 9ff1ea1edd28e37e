package dev.ser.training.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.Calibration;
import dev.ser.inference.InputWindow;
import dev.ser.inference.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cross-validation over speakers: what a recipe scores on voices it never heard. Each fold trains
 * on every other fold's speakers and keeps its weight average whatever the held-out scores say, so
 * no choice is made on the voices it is scored on; its held-out clips' window probabilities are
 * kept for the per-corpus estimates and for fitting the temperature ({@link #calibration}).
 */
public final class CrossValidation {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Bins of the expected calibration error, as in Guo et al. 2017. */
  static final int ECE_BINS = 15;

  private CrossValidation() {}

  /**
   * One held-out clip as the fold's model saw it.
   *
   * @param windows the network's probabilities of each of its windows, before any calibration
   */
  public record HeldOut(String corpus, String speaker, Emotion truth, float[][] windows) {
    /** The clip's probabilities as serving computes them: the mean of the calibrated windows. */
    float[] probabilities(Calibration calibration) {
      float[] mean = new float[Emotion.count()];
      for (float[] window : windows) {
        float[] scaled = calibration.apply(window);
        for (int c = 0; c < mean.length; c++) {
          mean[c] += scaled[c] / windows.length;
        }
      }
      return mean;
    }
  }

  /**
   * One fold's outcome.
   *
   * @param speakers the speakers it held out
   * @param clips their clips
   * @param epochScores the held-out mean UA after each epoch (for choosing an epoch count across
   *     folds, never one fold's epoch)
   */
  public record Fold(
      int fold, Set<String> speakers, List<HeldOut> clips, List<Double> epochScores) {
    public void write(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), this);
    }

    public static Fold read(Path file) throws IOException {
      return JSON.readValue(file.toFile(), Fold.class);
    }
  }

  /** The window probabilities {@code model} gives each of {@code examples}, before calibration. */
  public static List<HeldOut> heldOut(TrainedModel model, List<Example> examples) {
    List<HeldOut> clips = new ArrayList<>(examples.size());
    try (FrozenNetwork network =
        new FrozenNetwork(model.architecture(), model.normalisation(), model.weights())) {
      for (Example example : examples) {
        List<InputWindow> windows = example.frames().windows();
        clips.add(
            new HeldOut(
                example.corpus(),
                example.speaker(),
                example.emotion(),
                network.probabilities(new Batch(windows))));
      }
    }
    return clips;
  }

  /** Per-corpus metrics of {@code clips} with {@code calibration} applied. */
  public static Map<String, ModelCard.Metrics> metrics(
      Collection<HeldOut> clips, Calibration calibration) {
    Map<String, List<Emotion>> truth = new TreeMap<>();
    Map<String, List<Emotion>> predicted = new TreeMap<>();
    for (HeldOut clip : clips) {
      truth.computeIfAbsent(clip.corpus(), c -> new ArrayList<>()).add(clip.truth());
      predicted
          .computeIfAbsent(clip.corpus(), c -> new ArrayList<>())
          .add(Trainer.argmax(clip.probabilities(calibration)));
    }
    Map<String, ModelCard.Metrics> metrics = new TreeMap<>();
    truth.forEach(
        (corpus, labels) -> metrics.put(corpus, Scores.of(labels, predicted.get(corpus))));
    return metrics;
  }

  /**
   * Per corpus: the folds' UA (mean, spread), the pooled UA, and the range over single speakers who
   * have every class of their corpus.
   */
  public static Map<String, ModelCard.Estimate> estimates(List<Fold> folds, String method) {
    Map<String, List<Double>> foldScores = new TreeMap<>();
    List<HeldOut> all = new ArrayList<>();
    for (Fold fold : folds) {
      metrics(fold.clips(), Calibration.NONE)
          .forEach(
              (corpus, m) ->
                  foldScores
                      .computeIfAbsent(corpus, c -> new ArrayList<>())
                      .add(m.unweightedAccuracy()));
      all.addAll(fold.clips());
    }
    Map<String, ModelCard.Metrics> pooled = metrics(all, Calibration.NONE);
    Map<String, ModelCard.Estimate> estimates = new TreeMap<>();
    foldScores.forEach(
        (corpus, scores) -> {
          List<HeldOut> ofCorpus = all.stream().filter(c -> c.corpus().equals(corpus)).toList();
          long classes = ofCorpus.stream().map(HeldOut::truth).distinct().count();
          double[] speakers =
              ofCorpus.stream().collect(Collectors.groupingBy(HeldOut::speaker)).values().stream()
                  .filter(s -> s.stream().map(HeldOut::truth).distinct().count() == classes)
                  .mapToDouble(s -> metrics(s, Calibration.NONE).get(corpus).unweightedAccuracy())
                  .toArray();
          double mean = scores.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
          double variance =
              scores.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum()
                  / Math.max(1, scores.size() - 1);
          estimates.put(
              corpus,
              new ModelCard.Estimate(
                  scores.size(),
                  ofCorpus.size(),
                  (int) ofCorpus.stream().map(HeldOut::speaker).distinct().count(),
                  mean,
                  Math.sqrt(variance),
                  scores.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                  scores.stream().mapToDouble(d -> d).max().orElse(Double.NaN),
                  pooled.get(corpus).unweightedAccuracy(),
                  Arrays.stream(speakers).min().orElse(Double.NaN),
                  Arrays.stream(speakers).max().orElse(Double.NaN),
                  method));
        });
    return estimates;
  }

  /**
   * The temperature that minimises the negative log-likelihood of the held-out clips' true emotions
   * (golden-section search over log T in [1/8, 8]), with the expected calibration error before and
   * after.
   */
  public static Calibration calibration(List<HeldOut> clips) {
    double lo = Math.log(0.125);
    double hi = Math.log(8);
    double ratio = (Math.sqrt(5) - 1) / 2;
    double a = hi - ratio * (hi - lo);
    double b = lo + ratio * (hi - lo);
    double fa = negativeLogLikelihood(clips, Math.exp(a));
    double fb = negativeLogLikelihood(clips, Math.exp(b));
    for (int i = 0; i < 60; i++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - ratio * (hi - lo);
        fa = negativeLogLikelihood(clips, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + ratio * (hi - lo);
        fb = negativeLogLikelihood(clips, Math.exp(b));
      }
    }
    double temperature = Math.exp((lo + hi) / 2);
    return new Calibration(
        temperature,
        clips.size(),
        expectedCalibrationError(clips, Calibration.NONE),
        expectedCalibrationError(clips, new Calibration(temperature, 0, 0, 0)));
  }

  static double negativeLogLikelihood(List<HeldOut> clips, double temperature) {
    Calibration calibration = new Calibration(temperature, 0, 0, 0);
    double sum = 0;
    for (HeldOut clip : clips) {
      sum -= Math.log(Math.max(1e-12, clip.probabilities(calibration)[clip.truth().ordinal()]));
    }
    return sum / clips.size();
  }

  /**
   * The expected calibration error: the clips binned by their top probability into {@value
   * #ECE_BINS} equal-width bins, the mean |accuracy - confidence| of the bins weighted by their
   * clips.
   */
  public static double expectedCalibrationError(List<HeldOut> clips, Calibration calibration) {
    double[] confidence = new double[ECE_BINS];
    double[] correct = new double[ECE_BINS];
    int[] count = new int[ECE_BINS];
    for (HeldOut clip : clips) {
      float[] p = clip.probabilities(calibration);
      Emotion top = Trainer.argmax(p);
      int bin = Math.min(ECE_BINS - 1, (int) (p[top.ordinal()] * ECE_BINS));
      confidence[bin] += p[top.ordinal()];
      correct[bin] += top == clip.truth() ? 1 : 0;
      count[bin]++;
    }
    double ece = 0;
    for (int b = 0; b < ECE_BINS; b++) {
      if (count[b] > 0) {
        ece += Math.abs(correct[b] - confidence[b]) / clips.size();
      }
    }
    return ece;
  }

  /** A table of the estimates for the log and the docs. */
  public static String table(Map<String, ModelCard.Estimate> estimates) {
    StringBuilder text = new StringBuilder();
    text.append(
        "| corpus | method | folds | speakers | clips | UA mean | sd | fold range | pooled UA |"
            + " single speakers |\n|---|---|---|---|---|---|---|---|---|---|\n");
    estimates.forEach(
        (corpus, e) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %d | %.1f %% | %.1f | %.1f-%.1f %% | %.1f %% | %s |%n",
                    corpus,
                    e.method(),
                    e.folds(),
                    e.speakers(),
                    e.clips(),
                    100 * e.mean(),
                    100 * e.sd(),
                    100 * e.min(),
                    100 * e.max(),
                    100 * e.pooled(),
                    Double.isNaN(e.speakerMin())
                        ? "no speaker has every class"
                        : String.format(
                            Locale.ROOT,
                            "%.1f-%.1f %%",
                            100 * e.speakerMin(),
                            100 * e.speakerMax()))));
    return text.toString();
  }
}
