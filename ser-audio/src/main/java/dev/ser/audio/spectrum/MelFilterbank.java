package dev.ser.audio.spectrum;

import java.util.Arrays;

/**
 * {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm="slaney" or None)}: {@code
 * n_mels} triangular filters over the {@code 1 + n_fft / 2} FFT bins, shape {@code [n_mels][1 +
 * n_fft / 2]}, as float32 like librosa's.
 *
 * <p>The filter edges are {@code n_mels + 2} frequencies evenly spaced on the mel scale (Slaney's
 * linear-below-1-kHz, log-above scale, or HTK's {@code 2595 log10(1 + f / 700)}) from {@code fmin}
 * to {@code fmax}; with the Slaney norm each filter is scaled by {@code 2 / (f[i + 2] - f[i])} so
 * it has unit area in Hz. Each filter covers a few adjacent bins only, so it is stored sparse: its
 * first bin and its non-zero weights. Immutable and thread-safe.
 */
public final class MelFilterbank {
  private static final double SLANEY_F_SP = 200.0 / 3;
  private static final double SLANEY_MIN_LOG_HZ = 1000.0;
  private static final double SLANEY_MIN_LOG_MEL = SLANEY_MIN_LOG_HZ / SLANEY_F_SP;
  private static final double SLANEY_LOG_STEP = Math.log(6.4) / 27.0;

  private final int nFft;
  private final int nMels;
  private final int[] firstBin;
  private final float[][] weights;

  /** {@link #weights} widened once, so the per-frame products convert nothing. */
  private final double[][] wideWeights;

  /**
   * @param sampleRate {@code sr}, Hz
   * @param nFft {@code n_fft}
   * @param nMels {@code n_mels}
   * @param fmin {@code fmin}, Hz
   * @param fmax {@code fmax}, Hz, at most {@code sr / 2}
   * @param htk {@code htk}: HTK mel scale instead of Slaney's
   * @param slaneyNorm {@code norm="slaney"} (else {@code norm=None})
   */
  public MelFilterbank(
      int sampleRate,
      int nFft,
      int nMels,
      double fmin,
      double fmax,
      boolean htk,
      boolean slaneyNorm) {
    if (sampleRate <= 0 || nFft < 2 || nMels < 1) {
      throw new IllegalArgumentException("need sr > 0, n_fft >= 2 and n_mels >= 1");
    }
    if (!(fmin >= 0 && fmax > fmin && fmax <= sampleRate / 2.0)) {
      throw new IllegalArgumentException("need 0 <= fmin < fmax <= sr / 2");
    }
    this.nFft = nFft;
    this.nMels = nMels;
    this.firstBin = new int[nMels];
    this.weights = new float[nMels][];

    double[] fftFreqs = fftFrequencies(sampleRate, nFft);
    double[] melF = melFrequencies(nMels + 2, fmin, fmax, htk);
    float[] dense = new float[fftFreqs.length];
    for (int i = 0; i < nMels; i++) {
      double lowerWidth = melF[i + 1] - melF[i];
      double upperWidth = melF[i + 2] - melF[i + 1];
      double enorm = slaneyNorm ? 2.0 / (melF[i + 2] - melF[i]) : 1.0;
      int first = -1;
      int last = -1;
      for (int k = 0; k < fftFreqs.length; k++) {
        double lower = -(melF[i] - fftFreqs[k]) / lowerWidth;
        double upper = (melF[i + 2] - fftFreqs[k]) / upperWidth;
        // librosa stores the triangle in float32 first, then multiplies by the norm.
        float w = (float) Math.max(0, Math.min(lower, upper));
        dense[k] = slaneyNorm ? (float) (w * enorm) : w;
        if (dense[k] != 0) {
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      firstBin[i] = Math.max(first, 0);
      weights[i] = first < 0 ? new float[0] : Arrays.copyOfRange(dense, first, last + 1);
    }
    this.wideWeights = new double[nMels][];
    for (int i = 0; i < nMels; i++) {
      wideWeights[i] = new double[weights[i].length];
      for (int j = 0; j < weights[i].length; j++) {
        wideWeights[i][j] = weights[i][j];
      }
    }
  }

  /** {@code librosa.fft_frequencies(sr, n_fft)}: the centre of each FFT bin, Hz. */
  public static double[] fftFrequencies(int sampleRate, int nFft) {
    double binWidth = 1.0 / (nFft * (1.0 / sampleRate));
    double[] f = new double[1 + nFft / 2];
    for (int k = 0; k < f.length; k++) {
      f[k] = k * binWidth;
    }
    return f;
  }

  /** {@code librosa.mel_frequencies(n, fmin, fmax, htk)}: {@code n} mel-spaced frequencies, Hz. */
  public static double[] melFrequencies(int n, double fmin, double fmax, boolean htk) {
    double minMel = hzToMel(fmin, htk);
    double maxMel = hzToMel(fmax, htk);
    double[] f = new double[n];
    double step = n > 1 ? (maxMel - minMel) / (n - 1) : 0;
    for (int i = 0; i < n; i++) {
      f[i] = melToHz(i == n - 1 && n > 1 ? maxMel : i * step + minMel, htk);
    }
    return f;
  }

  /** {@code librosa.hz_to_mel(frequency, htk)}. */
  public static double hzToMel(double hz, boolean htk) {
    if (htk) {
      return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }
    if (hz >= SLANEY_MIN_LOG_HZ) {
      return SLANEY_MIN_LOG_MEL + Math.log(hz / SLANEY_MIN_LOG_HZ) / SLANEY_LOG_STEP;
    }
    return hz / SLANEY_F_SP;
  }

  /** {@code librosa.mel_to_hz(mels, htk)}. */
  public static double melToHz(double mel, boolean htk) {
    if (htk) {
      return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
    if (mel >= SLANEY_MIN_LOG_MEL) {
      return SLANEY_MIN_LOG_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_MIN_LOG_MEL));
    }
    return SLANEY_F_SP * mel;
  }

  public int nMels() {
    return nMels;
  }

  /** FFT bins the filters read, {@code 1 + n_fft / 2}. */
  public int bins() {
    return 1 + nFft / 2;
  }

  /** The first FFT bin filter {@code m} weighs (0 for an empty filter). */
  public int firstBin(int m) {
    return firstBin[m];
  }

  /** The dense filterbank, {@code [n_mels][1 + n_fft / 2]}, equal to librosa's matrix. */
  public float[][] weights() {
    float[][] dense = new float[nMels][bins()];
    for (int m = 0; m < nMels; m++) {
      System.arraycopy(weights[m], 0, dense[m], firstBin[m], weights[m].length);
    }
    return dense;
  }

  /**
   * {@code librosa.feature.melspectrogram(S=s)}: {@code [n_mels][frames]} from a spectrogram {@code
   * [1 + n_fft / 2][frames]}.
   */
  public float[][] apply(float[][] s) {
    if (s.length != bins()) {
      throw new IllegalArgumentException("expected " + bins() + " bins, got " + s.length);
    }
    int frames = s[0].length;
    float[][] out = new float[nMels][frames];
    double[] column = new double[bins()];
    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < column.length; k++) {
        column[k] = s[k][t];
      }
      applyToFrame(column, out, t);
    }
    return out;
  }

  /**
   * One frame: {@code out[m][t] = sum_k weights[m][k] * spectrum[k]}.
   *
   * @param spectrum {@code 1 + n_fft / 2} values of one spectrogram column
   * @param out {@code [n_mels][frames]}
   */
  public void applyToFrame(double[] spectrum, float[][] out, int t) {
    for (int m = 0; m < nMels; m++) {
      double[] w = wideWeights[m];
      int first = firstBin[m];
      double sum = 0;
      for (int j = 0; j < w.length; j++) {
        sum += w[j] * spectrum[first + j];
      }
      out[m][t] = (float) sum;
    }
  }

  /**
   * Two neighbouring frames at once, {@code first} into column {@code t} and {@code second} into
   * {@code t + 1}: each weight is loaded once for both.
   */
  public void applyToFramePair(double[] first, double[] second, float[][] out, int t) {
    for (int m = 0; m < nMels; m++) {
      double[] w = wideWeights[m];
      int bin = firstBin[m];
      double sumFirst = 0;
      double sumSecond = 0;
      for (int j = 0; j < w.length; j++) {
        double weight = w[j];
        sumFirst += weight * first[bin + j];
        sumSecond += weight * second[bin + j];
      }
      float[] row = out[m];
      row[t] = (float) sumFirst;
      row[t + 1] = (float) sumSecond;
    }
  }
}
