package dev.ser.training.bench;

/**
 * Whether a memory curve is flat: every sample after the warm-up within a tolerance of the first
 * sample after it (the baseline), so a slow climb shows even when each step is small.
 *
 * @param baseline the first sample after the warm-up
 * @param min the smallest sample after the warm-up
 * @param max the largest sample after the warm-up
 * @param tolerance allowed relative deviation, e.g. 0.10 for ±10 %
 */
public record Flatness(double baseline, double min, double max, double tolerance) {
  public Flatness {
    if (!(baseline > 0)) {
      throw new IllegalArgumentException("baseline must be positive: " + baseline);
    }
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " above max " + max);
    }
  }

  /**
   * The flatness of {@code samples} after skipping the first {@code warmUp} of them.
   *
   * @throws IllegalArgumentException when no sample is left after the warm-up
   */
  public static Flatness of(double[] samples, int warmUp, double tolerance) {
    if (warmUp < 0 || warmUp >= samples.length) {
      throw new IllegalArgumentException(
          "need a sample after a warm-up of " + warmUp + ", have " + samples.length);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = warmUp; i < samples.length; i++) {
      min = Math.min(min, samples[i]);
      max = Math.max(max, samples[i]);
    }
    return new Flatness(samples[warmUp], min, max, tolerance);
  }

  /** The largest deviation from the baseline, as a fraction of it (signed: growth is positive). */
  public double worstDeviation() {
    double up = max / baseline - 1;
    double down = min / baseline - 1;
    return Math.abs(up) >= Math.abs(down) ? up : down;
  }

  public boolean isFlat() {
    return max <= baseline * (1 + tolerance) && min >= baseline * (1 - tolerance);
  }
}
