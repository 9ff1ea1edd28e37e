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
 * units for {@code power = 1}). The FFT runs in double precision (JTransforms). An instance is
 * immutable and thread-safe; callers of the frame methods ({@link #framePower}, {@link
 * #framePairPower}) own their scratch arrays, so nothing is allocated per frame.
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
  private final PairFft pairFft;

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
    this.pairFft = new PairFft(nFft);
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
    double[] scratch = new double[2 * nFft];
    double[] first = new double[bins()];
    double[] second = new double[bins()];
    int t = 0;
    for (; t + 1 < frames; t += 2) {
      framePairPower(y, t, scratch, first, second);
      for (int k = 0; k < first.length; k++) {
        s[k][t] = (float) first[k];
        s[k][t + 1] = (float) second[k];
      }
    }
    if (t < frames) {
      framePower(y, t, scratch, first);
      for (int k = 0; k < first.length; k++) {
        s[k][t] = (float) first[k];
      }
    }
    return s;
  }

  /**
   * Column {@code t} of the spectrogram into {@code out}, without allocating.
   *
   * @param y the signal
   * @param t frame index, {@code [0, frames(y.length))}
   * @param scratch FFT work array of at least {@code n_fft} values, overwritten
   * @param out receives {@code 1 + n_fft / 2} values
   */
  public void framePower(float[] y, int t, double[] scratch, double[] out) {
    windowedFrame(y, t, scratch, 0, 1);
    fft.realForward(scratch);
    int half = nFft / 2;
    out[0] = scale(scratch[0] * scratch[0]);
    for (int k = 1; k < half; k++) {
      double re = scratch[2 * k];
      double im = scratch[2 * k + 1];
      out[k] = scale(re * re + im * im);
    }
    if (nFft % 2 == 0) {
      out[half] = scale(scratch[1] * scratch[1]);
    } else {
      double re = scratch[nFft - 1];
      double im = scratch[1];
      out[half] = scale(re * re + im * im);
    }
  }

  /**
   * Columns {@code t} and {@code t + 1} into {@code first} and {@code second}, without allocating.
   * The two frames go through one complex FFT of size {@code n_fft}, as its real and imaginary
   * parts, and are split by conjugate symmetry: with {@code Z = A + iB}, {@code A[k] = (Z[k] +
   * conj(Z[N-k])) / 2} and {@code B[k] = (Z[k] - conj(Z[N-k])) / 2i}. That is cheaper than two real
   * FFTs, and in double precision the leak between the frames stays near 1e-16 of the louder one.
   *
   * @param scratch FFT work array of at least {@code 2 * n_fft} values, overwritten
   */
  public void framePairPower(float[] y, int t, double[] scratch, double[] first, double[] second) {
    int start = t * hopLength - (center ? nFft / 2 : 0) + windowOffset;
    if (start >= 0 && start + hopLength + winLength <= y.length) {
      interleavedWindowedPair(y, start, scratch);
    } else {
      windowedFrame(y, t, scratch, 0, 2);
      windowedFrame(y, t + 1, scratch, 1, 2);
    }
    pairFft.transform(scratch);
    int half = nFft / 2;
    first[0] = scale(scratch[0] * scratch[0]);
    second[0] = scale(scratch[1] * scratch[1]);
    for (int k = 1; k <= half; k++) {
      int bin = pairFft.position(k);
      int mirror = pairFft.position(nFft - k);
      double zr = scratch[bin];
      double zi = scratch[bin + 1];
      double mr = scratch[mirror];
      double mi = scratch[mirror + 1];
      double sumR = zr + mr;
      double diffI = zi - mi;
      double diffR = zr - mr;
      double sumI = zi + mi;
      first[k] = 0.25 * (sumR * sumR + diffI * diffI);
      second[k] = 0.25 * (diffR * diffR + sumI * sumI);
    }
    if (power != 2) {
      for (int k = 1; k <= half; k++) {
        first[k] = scale(first[k]);
        second[k] = scale(second[k]);
      }
    }
  }

  /**
   * The common case of {@link #framePairPower}: both frames lie inside the signal, so one loop
   * fills real and imaginary parts and the zero padding is two contiguous fills.
   */
  private void interleavedWindowedPair(float[] y, int start, double[] z) {
    Arrays.fill(z, 0, 2 * windowOffset, 0.0);
    int second = start + hopLength;
    for (int j = 0, i = 2 * windowOffset; j < winLength; j++, i += 2) {
      double w = window[j];
      z[i] = w * y[start + j];
      z[i + 1] = w * y[second + j];
    }
    Arrays.fill(z, 2 * (windowOffset + winLength), 2 * nFft, 0.0);
  }

  /** Frame {@code t} times the window into {@code z[offset + stride * i]}, {@code i < n_fft}. */
  private void windowedFrame(float[] y, int t, double[] z, int offset, int stride) {
    int first = t * hopLength - (center ? nFft / 2 : 0) + windowOffset;
    int lo = Math.min(winLength, Math.max(0, -first));
    int hi = Math.max(lo, Math.min(winLength, y.length - first));
    for (int i = 0; i < windowOffset + lo; i++) {
      z[offset + stride * i] = 0;
    }
    for (int j = lo; j < hi; j++) {
      z[offset + stride * (windowOffset + j)] = window[j] * y[first + j];
    }
    for (int i = windowOffset + hi; i < nFft; i++) {
      z[offset + stride * i] = 0;
    }
  }

  /** {@code |X| ** power} from {@code |X| ** 2}. */
  private double scale(double squaredMagnitude) {
    if (power == 2) {
      return squaredMagnitude;
    }
    return power == 1 ? Math.sqrt(squaredMagnitude) : Math.pow(squaredMagnitude, power / 2);
  }
}
