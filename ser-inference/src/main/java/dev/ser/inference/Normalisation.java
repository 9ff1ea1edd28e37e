package dev.ser.inference;

import java.util.Arrays;

/**
 * Per-feature mean and standard deviation learned from the training set, applied inside the model
 * graph as {@code (x - mean) / std}. Stored in the model card so the numbers are visible.
 *
 * @param logMelMean {@code [n_mels]}, dB
 * @param logMelStd {@code [n_mels]}, dB, each {@code > 0}
 * @param frameMean {@code [n_mfcc + 2]}: MFCC, ZCR, log10 RMS
 * @param frameStd {@code [n_mfcc + 2]}, each {@code > 0}
 */
public record Normalisation(
    float[] logMelMean, float[] logMelStd, float[] frameMean, float[] frameStd) {
  public Normalisation {
    if (logMelMean.length != logMelStd.length || frameMean.length != frameStd.length) {
      throw new IllegalArgumentException("means and deviations must have the same length");
    }
    for (float[] std : new float[][] {logMelStd, frameStd}) {
      for (float s : std) {
        if (!(s > 0) || Float.isInfinite(s)) {
          throw new IllegalArgumentException("standard deviation must be positive: " + s);
        }
      }
    }
    logMelMean = logMelMean.clone();
    logMelStd = logMelStd.clone();
    frameMean = frameMean.clone();
    frameStd = frameStd.clone();
  }

  @Override
  public float[] logMelMean() {
    return logMelMean.clone();
  }

  @Override
  public float[] logMelStd() {
    return logMelStd.clone();
  }

  @Override
  public float[] frameMean() {
    return frameMean.clone();
  }

  @Override
  public float[] frameStd() {
    return frameStd.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Normalisation that
        && Arrays.equals(logMelMean, that.logMelMean)
        && Arrays.equals(logMelStd, that.logMelStd)
        && Arrays.equals(frameMean, that.frameMean)
        && Arrays.equals(frameStd, that.frameStd);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(logMelMean) * 31 + Arrays.hashCode(frameMean);
  }
}
