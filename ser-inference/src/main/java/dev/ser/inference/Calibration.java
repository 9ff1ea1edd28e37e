package dev.ser.inference;

/**
 * Temperature scaling (Guo et al. 2017): the network's probabilities {@code p} become {@code
 * softmax(log(p) / T)}, which is {@code softmax(logits / T)}. {@code T > 1} softens an
 * over-confident model, and the ranking of the emotions never changes. The temperature is fitted on
 * the clips held out by cross-validation, so that "70 % sure" is right about 70 % of the time on
 * voices the model did not hear.
 *
 * @param temperature {@code T}, positive; 1 leaves the probabilities as they are
 * @param clips held-out clips it was fitted on
 * @param eceBefore expected calibration error (15 equal-width bins of the top probability) of those
 *     clips before scaling
 * @param eceAfter the same after scaling
 */
public record Calibration(double temperature, int clips, double eceBefore, double eceAfter) {
  public static final Calibration NONE = new Calibration(1, 0, Double.NaN, Double.NaN);

  public Calibration {
    if (!(temperature > 0 && Double.isFinite(temperature))) {
      throw new IllegalArgumentException("temperature must be positive, not " + temperature);
    }
  }

  /** {@code probabilities} scaled by the temperature, as a new array summing to 1. */
  public float[] apply(float[] probabilities) {
    double[] scaled = new double[probabilities.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = Math.log(Math.max(probabilities[i], 1e-30)) / temperature;
      max = Math.max(max, scaled[i]);
    }
    double sum = 0;
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = Math.exp(scaled[i] - max);
      sum += scaled[i];
    }
    float[] out = new float[scaled.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (scaled[i] / sum);
    }
    return out;
  }
}
