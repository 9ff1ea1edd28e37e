package dev.ser.audio.spectrum;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The spectrogram {@code np.abs(librosa.stft(y, n_fft, hop_length, win_length, window="hann",
 * center, pad_mode="constant")) ** power}.
 *
 * <p>Like librosa 0.10.2: the periodic Hann window of {@code win_length} ({@code
 * scipy.signal.get_window("hann", win_length, fftbins=True)}) is zero-padded on both sides to
 * {@code n_fft} ({@code librosa.util.pad_center}); with {@code center} the signal is padded with
 * {@code n_fft / 2} zeros on each side, so frame {@code t} is centred on sample {@code t *
 * hop_length} and there are {@code 1 + len(y) / hop_length} frames (for even {@code n_fft});
 * without it there are {@code 1 + (len(y) - n_fft) / hop_length}.
 *
 * <p>Output: {@code [1 + n_fft / 2][frames]}, in squared sample units for {@code power = 2} (sample
 * units for {@code power = 1}). The FFT runs in double precision (JTransforms); an instance is
 * immutable and thread-safe, callers of the frame-at-a-time {@link #frameSpectrum} own their
 * scratch arrays.
 */
public final class Stft {
  private final int nFft;
  private final int hopLength;
  private final int winLength;
  private final boolean center;
  private final double power;
  private final double[] window;
  private final int windowOffset;
  private final DoubleFFT_1D fft;

  /**
   * @param nFft {@code n_fft}, the FFT size, {@code >= 2}
   * @param hopLength {@code hop_length}, samples between frame starts
   * @param winLength {@code win_length}, Hann window length, in {@code [1, n_fft]}
   * @param center {@code center}: pad {@code n_fft / 2} zeros on each side first
   * @param power exponent applied to the magnitude, {@code > 0}
   */
  public Stft(int nFft, int hopLength, int winLength, boolean center, double power) {
    if (nFft < 2) {
      throw new IllegalArgumentException("n_fft must be at least 2, got " + nFft);
    }
    if (hopLength < 1) {
      throw new IllegalArgumentException("hop_length must be positive, got " + hopLength);
    }
    if (winLength < 1 || winLength > nFft) {
      throw new IllegalArgumentException("win_length must be in [1, n_fft], got " + winLength);
    }
    if (!(power > 0) || Double.isInfinite(power)) {
      throw new IllegalArgumentException("power must be positive and finite, got " + power);
    }
    this.nFft = nFft;
    this.hopLength = hopLength;
    this.winLength = winLength;
    this.center = center;
    this.power = power;
    this.window = periodicHann(winLength);
    this.windowOffset = (nFft - winLength) / 2;
    this.fft = new DoubleFFT_1D(nFft);
  }

  /**
   * {@code scipy.signal.get_window("hann", n, fftbins=True)}: {@code 0.5 - 0.5 cos(2 pi k / n)},
   * {@code k = 0 .. n-1}.
   */
  public static double[] periodicHann(int n) {
    double[] w = new double[n];
    if (n == 1) {
      w[0] = 1;
      return w;
    }
    for (int k = 0; k < n; k++) {
      w[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * k / n);
    }
    return w;
  }

  public int nFft() {
    return nFft;
  }

  public int hopLength() {
    return hopLength;
  }

  public int winLength() {
    return winLength;
  }

  public boolean center() {
    return center;
  }

  public double power() {
    return power;
  }

  /** Frequency bins per frame, {@code 1 + n_fft / 2}. */
  public int bins() {
    return 1 + nFft / 2;
  }

  /** The analysis window as applied, zero-padded to {@code n_fft}. */
  public double[] window() {
    double[] padded = new double[nFft];
    System.arraycopy(window, 0, padded, windowOffset, winLength);
    return padded;
  }

  /**
   * Number of frames librosa returns for {@code samples} samples.
   *
   * @throws IllegalArgumentException when there is not even one frame (no samples, or fewer than
   *     {@code n_fft} without {@code center})
   */
  public int frames(int samples) {
    int padded = center ? samples + 2 * (nFft / 2) : samples;
    if (samples < 1 || padded < nFft) {
      throw new IllegalArgumentException(
          "need at least " + (center ? 1 : nFft) + " samples for one frame, got " + samples);
    }
    return 1 + (padded - nFft) / hopLength;
  }

  /** The whole spectrogram, {@code [1 + n_fft / 2][frames]}, {@code |X| ** power}. */
  public float[][] spectrogram(float[] y) {
    int frames = frames(y.length);
    float[][] s = new float[bins()][frames];
    double[] scratch = new double[nFft];
    double[] column = new double[bins()];
    for (int t = 0; t < frames; t++) {
      frameSpectrum(y, t, scratch, column);
      for (int k = 0; k < column.length; k++) {
        s[k][t] = (float) column[k];
      }
    }
    return s;
  }

  /**
   * One column of the spectrogram: {@code |X[:, t]| ** power} into {@code out}, without allocating.
   *
   * @param y the signal
   * @param t frame index, {@code [0, frames(y.length))}
   * @param scratch FFT work array of length {@code n_fft}, overwritten
   * @param out receives {@code 1 + n_fft / 2} values
   */
  public void frameSpectrum(float[] y, int t, double[] scratch, double[] out) {
    int first = t * hopLength - (center ? nFft / 2 : 0) + windowOffset;
    int lo = Math.min(winLength, Math.max(0, -first));
    int hi = Math.max(lo, Math.min(winLength, y.length - first));
    Arrays.fill(scratch, 0, windowOffset + lo, 0.0);
    for (int j = lo; j < hi; j++) {
      scratch[windowOffset + j] = window[j] * y[first + j];
    }
    Arrays.fill(scratch, windowOffset + hi, nFft, 0.0);
    fft.realForward(scratch);
    magnitudes(scratch, out);
  }

  /** Unpacks JTransforms' {@code realForward} layout into {@code |X[k]| ** power}. */
  private void magnitudes(double[] a, double[] out) {
    int half = nFft / 2;
    out[0] = a[0] * a[0];
    if (nFft % 2 == 0) {
      out[half] = a[1] * a[1];
      for (int k = 1; k < half; k++) {
        double re = a[2 * k];
        double im = a[2 * k + 1];
        out[k] = re * re + im * im;
      }
    } else {
      for (int k = 1; k < half; k++) {
        double re = a[2 * k];
        double im = a[2 * k + 1];
        out[k] = re * re + im * im;
      }
      double re = a[nFft - 1];
      double im = a[1];
      out[half] = re * re + im * im;
    }
    if (power != 2) {
      double exponent = power / 2;
      for (int k = 0; k <= half; k++) {
        out[k] = exponent == 0.5 ? Math.sqrt(out[k]) : Math.pow(out[k], exponent);
      }
    }
  }
}
