package dev.ser.audio.feature;

import java.util.Arrays;

/**
 * {@code librosa.feature.mfcc(S=log_mel, n_mfcc, dct_type=2, norm="ortho", lifter=0)}: the first
 * {@code n_mfcc} rows of the orthonormal DCT-II of each log-mel column. Input {@code
 * [n_mels][frames]} in dB, output {@code [n_mfcc][frames]} (dB-scaled cepstral coefficients).
 *
 * <p>The DCT is a precomputed {@code [n_mfcc][n_mels]} matrix, {@code D[k][n] = s_k cos(pi k (2n +
 * 1) / (2 n_mels))} with {@code s_0 = sqrt(1 / n_mels)} and {@code s_k = sqrt(2 / n_mels)}, applied
 * row by row so the inner loop runs along frames (and vectorises), on the input folded about its
 * middle row so each coefficient costs half the multiply-adds. Immutable and thread-safe.
 */
public final class Mfcc {
  private final int nMels;
  private final int nMfcc;
  private final float[][] dct;

  /**
   * @param nMels rows of the log-mel input, {@code n_mels}
   * @param nMfcc {@code n_mfcc}, in {@code [1, n_mels]}
   */
  public Mfcc(int nMels, int nMfcc) {
    if (nMels < 1 || nMfcc < 1 || nMfcc > nMels) {
      throw new IllegalArgumentException("need 1 <= n_mfcc <= n_mels, got " + nMfcc + ", " + nMels);
    }
    this.nMels = nMels;
    this.nMfcc = nMfcc;
    this.dct = new float[nMfcc][nMels];
    for (int k = 0; k < nMfcc; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / nMels);
      for (int n = 0; n < nMels; n++) {
        dct[k][n] = (float) (scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * nMels)));
      }
    }
  }

  public int nMels() {
    return nMels;
  }

  public int nMfcc() {
    return nMfcc;
  }

  /** The MFCC of {@code logMel}, a new {@code [n_mfcc][frames]} array. */
  public float[][] apply(float[][] logMel) {
    float[][] out = new float[nMfcc][logMel.length == 0 ? 0 : logMel[0].length];
    applyInto(logMel, out);
    return out;
  }

  /** The MFCC of {@code logMel} written into {@code out}, {@code [n_mfcc][frames]}. */
  public void applyInto(float[][] logMel, float[][] out) {
    if (logMel.length != nMels || out.length != nMfcc) {
      throw new IllegalArgumentException(
          "expected "
              + nMels
              + " mel rows in and "
              + nMfcc
              + " rows out, got "
              + logMel.length
              + " and "
              + out.length);
    }
    // D[k][n] = (-1)^k D[k][N-1-n]: even rows see only x[n] + x[N-1-n], odd rows x[n] - x[N-1-n],
    // which halves the multiply-adds.
    int frames = out.length == 0 ? 0 : out[0].length;
    int half = nMels / 2;
    float[][] sums = new float[half + nMels % 2][frames];
    float[][] differences = new float[half][frames];
    for (int n = 0; n < half; n++) {
      float[] low = logMel[n];
      float[] high = logMel[nMels - 1 - n];
      float[] sum = sums[n];
      float[] difference = differences[n];
      for (int t = 0; t < frames; t++) {
        sum[t] = low[t] + high[t];
        difference[t] = low[t] - high[t];
      }
    }
    if (nMels % 2 == 1) {
      System.arraycopy(logMel[half], 0, sums[half], 0, frames);
    }
    for (int k = 0; k < nMfcc; k++) {
      float[][] folded = k % 2 == 0 ? sums : differences;
      float[] coefficients = dct[k];
      float[] row = out[k];
      Arrays.fill(row, 0f);
      for (int n = 0; n < folded.length; n++) {
        float c = coefficients[n];
        float[] x = folded[n];
        for (int t = 0; t < frames; t++) {
          row[t] += c * x[t];
        }
      }
    }
  }
}
