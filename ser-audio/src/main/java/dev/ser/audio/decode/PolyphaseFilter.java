package dev.ser.audio.decode;

/**
 * The anti-aliasing low-pass of {@code scipy.signal.resample_poly(x, up, down)} with its default
 * {@code window=('kaiser', 5.0)}, split into its {@code up} phases: {@code h = firwin(2 * half_len
 * + 1, 1 / max_rate, window=('kaiser', 5.0)) * up}, where {@code max_rate = max(up, down)} and
 * {@code half_len = 10 * max_rate}. The taps are designed in double precision.
 *
 * <p>After resample_poly's centring pad and trim, its output sample {@code j} is {@code y[j] =
 * sum_q x[q] * h[j * down + half_len - q * up]} with {@code x} zero outside the signal ({@code
 * padtype='constant'}). Only every {@code up}-th tap meets an input sample, those of phase {@code
 * (j * down + half_len) mod up}, so one output costs about {@code (2 * half_len + 1) / up}
 * multiply-adds (55 at 44.1 kHz to 16 kHz) instead of the whole filter.
 *
 * <p>Immutable.
 */
final class PolyphaseFilter {
  /** resample_poly's default window is {@code ('kaiser', 5.0)}. */
  private static final double BETA = 5.0;

  private final int up;
  private final int down;
  private final int halfLength;

  /** Phase {@code r}: taps {@code h[r + m * up]}, last {@code m} first, so they run with time. */
  private final double[][] phases;

  /**
   * @param up the interpolation factor, coprime with {@code down}
   * @param down the decimation factor
   */
  PolyphaseFilter(int up, int down) {
    this.up = up;
    this.down = down;
    int maxRate = Math.max(up, down);
    this.halfLength = 10 * maxRate;
    double[] h = firwin(2 * halfLength + 1, 1.0 / maxRate);
    phases = new double[up][];
    for (int r = 0; r < up; r++) {
      int taps = (h.length - r + up - 1) / up;
      double[] phase = new double[taps];
      for (int m = 0; m < taps; m++) {
        phase[taps - 1 - m] = h[r + m * up] * up;
      }
      phases[r] = phase;
    }
  }

  int up() {
    return up;
  }

  int down() {
    return down;
  }

  /** The most input samples one output reads: the longest phase. */
  int span() {
    return phases[0].length;
  }

  /** resample_poly's output length for {@code inputs} samples: {@code ceil(inputs * up / down)}. */
  long outputLength(long inputs) {
    return (inputs * up + down - 1) / down;
  }

  /** Index of the newest input sample that output {@code output} reads. */
  long newestInput(long output) {
    return (output * down + halfLength) / up;
  }

  /** How many outputs, from the first, read no input sample after {@code newestInput}. */
  long outputsReadable(long newestInput) {
    return Math.floorDiv(newestInput * up + up - 1 - halfLength, down) + 1;
  }

  /**
   * Output {@code output}, where {@code x[newest]} holds input sample {@link #newestInput(long)
   * newestInput(output)} and the {@code span() - 1} samples before it precede it in time.
   */
  float apply(long output, float[] x, int newest) {
    double[] taps = phases[(int) ((output * down + halfLength) % up)];
    int first = newest - taps.length + 1;
    double sum = 0;
    for (int k = 0; k < taps.length; k++) {
      sum += taps[k] * x[first + k];
    }
    return (float) sum;
  }

  /**
   * {@code scipy.signal.firwin(numtaps, cutoff, window=('kaiser', BETA))}: a windowed sinc with
   * {@code cutoff} relative to Nyquist, scaled ({@code scale=True}, pass band from 0) so that its
   * taps sum to 1.
   */
  private static double[] firwin(int numtaps, double cutoff) {
    double alpha = 0.5 * (numtaps - 1);
    double i0Beta = besselI0(BETA);
    double[] h = new double[numtaps];
    double sum = 0;
    for (int n = 0; n < numtaps; n++) {
      double m = n - alpha;
      double ratio = m / alpha;
      double kaiser = besselI0(BETA * Math.sqrt(1 - ratio * ratio)) / i0Beta;
      h[n] = cutoff * sinc(cutoff * m) * kaiser;
      sum += h[n];
    }
    for (int n = 0; n < numtaps; n++) {
      h[n] /= sum;
    }
    return h;
  }

  /** {@code numpy.sinc}: {@code sin(pi x) / (pi x)}, 1 at 0. */
  private static double sinc(double x) {
    if (x == 0) {
      return 1;
    }
    double y = Math.PI * x;
    return Math.sin(y) / y;
  }

  /**
   * The modified Bessel function of the first kind, order 0, by its power series {@code sum_k
   * ((x/2)^k / k!)^2}: every term is positive, so for the arguments here ({@code 0 <= x <= BETA})
   * it converges to double precision in a few dozen terms.
   */
  private static double besselI0(double x) {
    double quarterSquare = x * x / 4;
    double term = 1;
    double sum = 1;
    for (int k = 1; term > sum * 1e-17; k++) {
      term *= quarterSquare / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}
