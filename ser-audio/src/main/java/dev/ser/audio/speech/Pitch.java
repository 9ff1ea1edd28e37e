package dev.ser.audio.speech;

/**
 * YIN's fundamental-frequency estimate of one frame (de Cheveigné & Kawahara 2002, the algorithm
 * behind librosa's {@code yin}): the difference function {@code d(tau) = sum_j (x[j] - x[j +
 * tau])^2} over a window, its cumulative-mean normalisation {@code d'(tau) = d(tau) * tau / sum_{k
 * <= tau} d(k)}, the first dip under a threshold (followed down to its minimum) and a parabola
 * through that minimum and its neighbours for a sub-sample period.
 *
 * <p>Works on a signal decimated to {@link #RATE} Hz: voice pitch lies far below its 4 kHz Nyquist
 * frequency, and the difference function costs a quarter of what it would at 16 kHz.
 */
final class Pitch {
  /** The rate the estimate runs at, Hz. */
  static final int RATE = 8000;

  /** Lowest and highest fundamental frequency taken for a voice, Hz. */
  static final double MIN_HZ = 65;

  static final double MAX_HZ = 600;

  /** Integration window: 30 ms, about two periods of the lowest voice. */
  static final int WINDOW = 240;

  /**
   * A dip in {@code d'} under this is a period: the frame is voiced. YIN's paper used 0.1 for clean
   * speech; 0.35 keeps the voiced frames of noisy, Opus-coded and shouted corpus speech, and noise
   * still stays far above it.
   */
  static final double THRESHOLD = 0.35;

  static final int MIN_LAG = (int) Math.floor(RATE / MAX_HZ);
  static final int MAX_LAG = (int) Math.ceil(RATE / MIN_HZ);

  /** Samples a frame reads: the window and the longest lag after it. */
  static final int SPAN = WINDOW + MAX_LAG + 1;

  private Pitch() {}

  /**
   * The frequency of the frame starting at {@code start} of {@code x} (zeros outside it), or {@link
   * Double#NaN} when no lag in the voice range dips under {@link #THRESHOLD}.
   *
   * @param normalised scratch of at least {@code MAX_LAG + 2} values, overwritten
   */
  static double estimate(float[] x, int start, double[] normalised) {
    int last = MAX_LAG + 1;
    boolean inside = start >= 0 && start + SPAN <= x.length;
    double running = 0;
    int dip = -1;
    // d'(tau) is computed lag by lag and the search stops at the first dip's minimum: a voiced
    // frame needs only the lags up to its period, which is most of the detector's cost saved.
    for (int tau = 1; tau <= last; tau++) {
      double d = difference(x, start, tau, inside);
      running += d;
      normalised[tau] = running > 0 ? d * tau / running : 1;
      if (dip < 0) {
        if (tau >= MIN_LAG && tau < last && normalised[tau] < THRESHOLD) {
          dip = tau;
        }
      } else if (tau < last && normalised[tau] < normalised[dip]) {
        dip = tau;
      } else {
        return RATE / refined(normalised, dip);
      }
    }
    return Double.NaN;
  }

  /** {@code d(tau) = sum_j (x[j] - x[j + tau])^2} over the window starting at {@code start}. */
  private static double difference(float[] x, int start, int tau, boolean inside) {
    double sum = 0;
    if (inside) {
      // Four running sums the processor can add in parallel (WINDOW is a multiple of 4).
      float a = 0;
      float b = 0;
      float c = 0;
      float d = 0;
      for (int j = start; j < start + WINDOW; j += 4) {
        float d0 = x[j] - x[j + tau];
        float d1 = x[j + 1] - x[j + 1 + tau];
        float d2 = x[j + 2] - x[j + 2 + tau];
        float d3 = x[j + 3] - x[j + 3 + tau];
        a += d0 * d0;
        b += d1 * d1;
        c += d2 * d2;
        d += d3 * d3;
      }
      sum = ((double) a + b) + ((double) c + d);
    } else {
      for (int j = start; j < start + WINDOW; j++) {
        double delta = at(x, j) - at(x, j + tau);
        sum += delta * delta;
      }
    }
    return sum;
  }

  /** The lag of the parabola's vertex through the minimum at {@code tau} and its neighbours. */
  private static double refined(double[] d, int tau) {
    double left = d[tau - 1];
    double right = d[tau + 1];
    double curvature = left - 2 * d[tau] + right;
    if (curvature <= 0) {
      return tau;
    }
    double shift = 0.5 * (left - right) / curvature;
    return tau + Math.max(-1, Math.min(1, shift));
  }

  private static float at(float[] x, int i) {
    return i >= 0 && i < x.length ? x[i] : 0f;
  }
}
