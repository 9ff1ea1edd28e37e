package dev.ser.training.model;

import dev.ser.inference.ModelFrames;
import dev.ser.inference.Normalisation;
import java.util.List;

/** Per-feature mean and standard deviation over every frame of the training clips. */
final class FeatureStatistics {
  /** Keeps constant features (e.g. a silent band) from dividing by zero. */
  private static final double MIN_STD = 1e-3;

  private FeatureStatistics() {}

  static Normalisation of(List<Example> examples) {
    ModelFrames first = examples.get(0).frames();
    double[][] mel = new double[2][first.melBins()];
    double[][] frame = new double[2][first.frameWidth()];
    long count = 0;
    for (Example example : examples) {
      ModelFrames frames = example.frames();
      for (int t = 0; t < frames.frames(); t++) {
        accumulate(mel, frames.logMel()[t]);
        accumulate(frame, frames.frameFeatures()[t]);
      }
      count += frames.frames();
    }
    return new Normalisation(
        mean(mel, count), std(mel, count), mean(frame, count), std(frame, count));
  }

  private static void accumulate(double[][] sums, float[] row) {
    for (int i = 0; i < row.length; i++) {
      sums[0][i] += row[i];
      sums[1][i] += (double) row[i] * row[i];
    }
  }

  private static float[] mean(double[][] sums, long count) {
    float[] mean = new float[sums[0].length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) (sums[0][i] / count);
    }
    return mean;
  }

  private static float[] std(double[][] sums, long count) {
    float[] std = new float[sums[0].length];
    for (int i = 0; i < std.length; i++) {
      double mean = sums[0][i] / count;
      double variance = Math.max(0, sums[1][i] / count - mean * mean);
      std[i] = (float) Math.max(MIN_STD, Math.sqrt(variance));
    }
    return std;
  }
}
