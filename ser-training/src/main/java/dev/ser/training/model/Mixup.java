package dev.ser.training.model;

import dev.ser.inference.InputWindow;
import java.util.Arrays;
import java.util.Random;

/**
 * Mixup (Zhang et al. 2018): a training window becomes a blend of itself and another window of the
 * batch, {@code lambda a + (1 - lambda) b}, and so does its target, so the network is pushed
 * towards simple, linear behaviour between the examples it has seen instead of memorising each one.
 * The blend covers the frames both windows have (the shorter one's length); {@code lambda} is drawn
 * from {@code Beta(alpha, alpha)} and folded to at least one half, so each window stays mostly
 * itself and keeps its label for the training accuracy.
 */
final class Mixup {
  private Mixup() {}

  /** {@code lambda a + (1 - lambda) b} over the frames both carry; the rest is padding. */
  static InputWindow mix(InputWindow a, InputWindow b, float lambda) {
    int valid = Math.min(a.validFrames(), b.validFrames());
    int frames = a.windowFrames();
    int mels = a.logMel().length / frames;
    int width = a.frameFeatures().length / frames;
    float[] mel = new float[a.logMel().length];
    float[] frame = new float[a.frameFeatures().length];
    float[] mask = new float[frames];
    blend(a.logMel(), b.logMel(), lambda, mel, valid * mels);
    blend(a.frameFeatures(), b.frameFeatures(), lambda, frame, valid * width);
    Arrays.fill(mask, 0, valid, 1f);
    return new InputWindow(a.startFrame(), valid, mel, frame, mask);
  }

  /** {@code lambda a + (1 - lambda) b} of two targets. */
  static float[] mix(float[] a, float[] b, float lambda) {
    float[] mixed = new float[a.length];
    blend(a, b, lambda, mixed, a.length);
    return mixed;
  }

  private static void blend(float[] a, float[] b, float lambda, float[] into, int count) {
    for (int i = 0; i < count; i++) {
      into[i] = lambda * a[i] + (1 - lambda) * b[i];
    }
  }

  /** A draw from {@code Beta(alpha, alpha)} folded to {@code [0.5, 1]}. */
  static float lambda(float alpha, Random random) {
    double x = gamma(alpha, random);
    double y = gamma(alpha, random);
    double lambda = x + y > 0 ? x / (x + y) : 0.5;
    return (float) Math.max(lambda, 1 - lambda);
  }

  /**
   * A draw from {@code Gamma(shape, 1)}: Marsaglia and Tsang's method, with {@code Gamma(shape + 1)
   * U^(1 / shape)} below a shape of 1.
   */
  static double gamma(double shape, Random random) {
    if (shape < 1) {
      return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = random.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
