package dev.ser.domain.emotion;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * One probability per {@link Emotion}, in declaration order, summing to 1.
 *
 * @param probabilities six values in [0, 1] whose sum is 1 within 1e-4
 */
public record EmotionScores(double[] probabilities) {
  private static final double SUM_TOLERANCE = 1e-4;

  public EmotionScores {
    if (probabilities == null || probabilities.length != Emotion.count()) {
      throw new IllegalArgumentException("expected " + Emotion.count() + " probabilities");
    }
    double sum = 0;
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probability out of [0, 1]: " + p);
      }
      sum += p;
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException("probabilities sum to " + sum + ", not 1");
    }
    probabilities = probabilities.clone();
  }

  /** Normalises non-negative weights (e.g. a mean of several softmax outputs) into scores. */
  public static EmotionScores normalised(double[] weights) {
    double sum = Arrays.stream(weights).sum();
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new IllegalArgumentException("weights must have a positive, finite sum");
    }
    return new EmotionScores(Arrays.stream(weights).map(w -> w / sum).toArray());
  }

  public double of(Emotion emotion) {
    return probabilities[emotion.ordinal()];
  }

  /** The most probable emotion; ties go to the first in declaration order. */
  public Emotion top() {
    int best = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return Emotion.values()[best];
  }

  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  public Map<Emotion, Double> asMap() {
    Map<Emotion, Double> map = new EnumMap<>(Emotion.class);
    for (Emotion emotion : Emotion.values()) {
      map.put(emotion, of(emotion));
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EmotionScores that && Arrays.equals(probabilities, that.probabilities);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(probabilities);
  }

  @Override
  public String toString() {
    return "EmotionScores" + asMap();
  }
}
