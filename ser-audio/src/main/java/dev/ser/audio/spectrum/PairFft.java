package dev.ser.audio.spectrum;

import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.utils.CommonUtils;

/**
 * The complex FFT of {@code n} points that {@link Stft} runs on two real frames at once, whose
 * output bins may be stored out of order: {@link #position(int)} says where bin {@code k} is.
 *
 * <p>For powers of two from 512 points up, JTransforms' forward transform is its split-radix
 * butterflies ({@code cftb1st}, {@code cftrec4}) followed by {@code bitrv2conj}, a bit-reversal
 * permutation that also conjugates. The frame split needs only {@code |Z[k] ± conj(Z[n-k])|}, which
 * neither the order nor a global conjugation changes, so this class stops before the permutation
 * and looks bins up where the butterflies left them: a sixth less time per FFT at 512 points. The
 * constructor checks that shortcut against JTransforms' full transform and keeps the full one if
 * they disagree, so another JTransforms version costs speed, never correctness. Immutable and
 * thread-safe.
 */
final class PairFft {
  private final int doubles;
  private final DoubleFFT_1D full;
  private final double[] twiddles;
  private final int twiddleCount;
  private final boolean shortcut;
  private final int[] position;

  PairFft(int n) {
    this.doubles = 2 * n;
    this.full = new DoubleFFT_1D(n);
    this.twiddleCount = doubles >> 2;
    boolean candidate = Integer.bitCount(n) == 1 && n >= 512;
    this.twiddles = candidate ? new double[n] : null;
    if (candidate) {
      CommonUtils.makewt(twiddleCount, new int[2 + (int) Math.ceil(Math.sqrt(n))], twiddles);
    }
    int[] bitReversed = new int[n];
    int bits = Integer.numberOfTrailingZeros(n);
    for (int k = 0; k < n; k++) {
      bitReversed[k] = candidate ? 2 * (Integer.reverse(k) >>> (32 - bits)) : 2 * k;
    }
    this.shortcut = candidate && agreesWithFullTransform(n, bitReversed);
    this.position = new int[n];
    for (int k = 0; k < n; k++) {
      position[k] = shortcut ? bitReversed[k] : 2 * k;
    }
  }

  /** Transforms interleaved {@code [re, im]} pairs in place. */
  void transform(double[] z) {
    if (shortcut) {
      butterflies(z);
    } else {
      full.complexForward(z);
    }
  }

  /** Whether the transform stops before JTransforms' bit-reversal permutation. */
  boolean skipsPermutation() {
    return shortcut;
  }

  /** Index in the transformed array of bin {@code k}'s real part (its imaginary part follows). */
  int position(int k) {
    return position[k];
  }

  private void butterflies(double[] z) {
    CommonUtils.cftb1st(doubles, z, 0, twiddles, twiddleCount - (doubles >> 2));
    CommonUtils.cftrec4(doubles, z, 0, twiddleCount, twiddles);
  }

  private boolean agreesWithFullTransform(int n, int[] bitReversed) {
    double[] expected = new double[doubles];
    for (int i = 0; i < doubles; i++) {
      expected[i] = Math.sin(0.37 * i * i + 1.3 * i) + (i % 7 == 0 ? 2 : 0);
    }
    double[] actual = expected.clone();
    full.complexForward(expected);
    butterflies(actual);
    for (int k = 0; k < n; k++) {
      double re = actual[bitReversed[k]];
      double im = -actual[bitReversed[k] + 1];
      if (Math.abs(re - expected[2 * k]) > 1e-9 || Math.abs(im - expected[2 * k + 1]) > 1e-9) {
        return false;
      }
    }
    return true;
  }
}
