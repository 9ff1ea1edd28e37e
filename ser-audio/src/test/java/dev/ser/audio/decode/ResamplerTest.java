package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Resampler} against {@code scipy.signal.resample_poly} (scipy 1.17.1, float64, the values
 * written out here) and against {@code firwin}'s definition, computed here independently.
 */
class ResamplerTest {
  private static final int OUT = 16_000;

  @ParameterizedTest(name = "{0} Hz in chunks of {1}")
  @CsvSource({
    "44100, 1", "44100, 7", "44100, 4097",
    "48000, 1", "48000, 7", "48000, 4097",
    "11025, 1", "11025, 7", "11025, 4097",
    "8000, 1", "8000, 7", "8000, 4097"
  })
  void outputDoesNotDependOnHowTheInputIsChunked(int rate, int chunk) {
    float[] x = broadband(3 * rate);

    float[] whole = resample(x, rate, x.length);

    assertThat(resample(x, rate, chunk)).isEqualTo(whole);
  }

  /**
   * At 8 to 16 kHz ({@code up=2, down=1}) resample_poly's output {@code j} is {@code sum_q x[q] *
   * h[j + 20 - 2q]}, so an impulse at {@code q = 10} gives the filter itself: {@code h = 2 *
   * firwin(41, 0.5, window=('kaiser', 5.0))}.
   */
  @Test
  void impulseAtTwiceTheRateGivesResamplePolysFilter() {
    float[] impulse = new float[21];
    impulse[10] = 1;

    float[] y = resample(impulse, 8_000, impulse.length);

    double[] h = firwin(41, 0.5, 5.0);
    assertThat(y).hasSize(42);
    for (int k = 0; k < h.length; k++) {
      assertThat((double) y[k]).as("tap %d", k).isCloseTo(2 * h[k], within(1e-7));
    }
    assertThat(y[41]).isZero();
    // scipy's own taps, a half-band filter: zero at even distances from the centre.
    assertThat((double) y[20]).isCloseTo(1.0005174705960602, within(1e-7));
    assertThat((double) y[19]).isCloseTo(0.6334006913606015, within(1e-7));
    assertThat((double) y[18]).isCloseTo(0, within(1e-7));
    assertThat((double) y[17]).isCloseTo(-0.20186039479546772, within(1e-7));
    assertThat((double) y[3]).isCloseTo(0.005017933624295429, within(1e-7));
    assertThat((double) y[1]).isCloseTo(-0.002102917545350243, within(1e-7));
  }

  /** {@code resample_poly(x, up, down)} of {@link #broadband} (1000 samples), scipy's values. */
  @ParameterizedTest(name = "{0} Hz, output {1}")
  @CsvSource({
    "44100, 0, -0.316091967375",
    "44100, 1, 0.0823007011934",
    "44100, 181, -0.114191220728",
    "44100, 361, -0.204852262187",
    "44100, 362, 0.00665321719733",
    "48000, 0, -0.302666159853",
    "48000, 1, 0.113420128954",
    "48000, 167, -0.22629427062",
    "48000, 332, -0.155460419317",
    "48000, 333, 0.0487866805204",
    "8000, 0, -0.781654273903",
    "8000, 1, -0.700804965522",
    "8000, 1000, -0.773837731164",
    "8000, 1998, 0.179780482998",
    "8000, 1999, 0.217673361288",
    "11025, 0, -0.781777451094",
    "11025, 1, -0.531119041298",
    "11025, 726, -0.880837304463",
    "11025, 1450, 0.233464648139",
    "11025, 1451, 0.0771533155208"
  })
  void matchesScipyResamplePoly(int rate, int index, double expected) {
    float[] y = resample(broadband(1_000), rate, 1_000);

    assertThat(y).hasSize((int) Math.ceil(1_000 * 16_000.0 / rate));
    assertThat((double) y[index]).isCloseTo(expected, within(1e-6));
  }

  /**
   * A 1 kHz sine comes out as a 1 kHz sine in phase, scaled by the filter's gain there:
   * resample_poly measures +0.110% at 1 kHz (the Kaiser window's pass-band ripple), so librosa's
   * does too.
   */
  @Test
  void sineAt1kHzKeepsItsFrequencyAndPhaseWithScipysGain() {
    float[] y = resample(TestWav.sine(1_000, 1, 44_100, 2), 44_100, 4_096);

    Fit fit = Fit.at1kHz(y);
    assertThat(y).hasSize(32_000);
    assertThat(fit.amplitude()).isCloseTo(1.0011012, within(1e-5));
    assertThat(fit.phase()).isCloseTo(0, within(1e-4));
    assertThat(fit.residual()).isLessThan(1e-4);
  }

  /**
   * 44,101 Hz is 16000/44101 in lowest terms, a filter of 882,021 taps: it is resampled with the
   * nearest fraction of terms up to {@value Resampler#MAX_FACTOR} instead, 0.04 ppm off.
   */
  @Test
  void oddRateIsResampledWithANearbyRatioKeepingLibrosasLength() {
    float[] y = resample(TestWav.sine(1_000, 1, 44_101, 2), 44_101, 4_096);

    Fit fit = Fit.at1kHz(y);
    assertThat(y).hasSize((int) Math.ceil(2 * 44_101 * (16_000.0 / 44_101)));
    assertThat(fit.amplitude()).isCloseTo(1, within(2e-3));
    assertThat(fit.phase()).isCloseTo(0, within(1e-3));
    assertThat(fit.residual()).isLessThan(1e-3);
  }

  @Test
  void equalRatesPassThroughUntouched() {
    float[] x = broadband(1_000);

    assertThat(resample(x, OUT, 7)).isEqualTo(x);
  }

  @Test
  void noInputGivesNoOutput() {
    assertThat(resample(new float[0], 44_100, 1)).isEmpty();
  }

  /** {@code ((7919 n) mod 201 - 100) / 128}: broadband, and exact in float32 and float64 alike. */
  private static float[] broadband(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = ((i * 7919L) % 201 - 100) / 128f;
    }
    return x;
  }

  private static float[] resample(float[] x, int rate, int chunk) {
    SampleBuffer out = new SampleBuffer(OUT);
    Resampler resampler =
        new Resampler(rate, OUT, 0, (channel, y, length) -> out.append(y, length));
    for (int i = 0; i < x.length; i += chunk) {
      int length = Math.min(chunk, x.length - i);
      resampler.push(Arrays.copyOfRange(x, i, i + length), length);
    }
    resampler.finish();
    return out.toArray();
  }

  /**
   * {@code firwin(numtaps, cutoff, window=('kaiser', beta))} from its definition: sinc times the
   * Kaiser window, scaled to sum to 1. I0 by its integral {@code (1/pi) int_0^pi exp(x cos t) dt}
   * (the trapezoid rule is exact to rounding for this periodic integrand).
   */
  private static double[] firwin(int numtaps, double cutoff, double beta) {
    double alpha = (numtaps - 1) / 2.0;
    double[] h = new double[numtaps];
    double sum = 0;
    for (int n = 0; n < numtaps; n++) {
      double m = n - alpha;
      double sinc = m == 0 ? 1 : Math.sin(Math.PI * cutoff * m) / (Math.PI * cutoff * m);
      double window = i0(beta * Math.sqrt(1 - Math.pow(m / alpha, 2))) / i0(beta);
      h[n] = cutoff * sinc * window;
      sum += h[n];
    }
    for (int n = 0; n < numtaps; n++) {
      h[n] /= sum;
    }
    return h;
  }

  private static double i0(double x) {
    int steps = 200;
    double sum = (Math.exp(x) + Math.exp(-x)) / 2;
    for (int i = 1; i < steps; i++) {
      sum += Math.exp(x * Math.cos(Math.PI * i / steps));
    }
    return sum / steps;
  }

  /** Least-squares {@code a sin(wt) + b cos(wt)} at 1 kHz over all but the first and last 0.1 s. */
  private record Fit(double amplitude, double phase, double residual) {
    static Fit at1kHz(float[] y) {
      double ss = 0;
      double sc = 0;
      double cc = 0;
      double ys = 0;
      double yc = 0;
      int from = 1_600;
      int to = y.length - 1_600;
      for (int j = from; j < to; j++) {
        double t = 2 * Math.PI * 1_000 * j / OUT;
        double s = Math.sin(t);
        double c = Math.cos(t);
        ss += s * s;
        sc += s * c;
        cc += c * c;
        ys += y[j] * s;
        yc += y[j] * c;
      }
      double det = ss * cc - sc * sc;
      double a = (ys * cc - yc * sc) / det;
      double b = (yc * ss - ys * sc) / det;
      double residual = 0;
      for (int j = from; j < to; j++) {
        double t = 2 * Math.PI * 1_000 * j / OUT;
        residual = Math.max(residual, Math.abs(y[j] - a * Math.sin(t) - b * Math.cos(t)));
      }
      return new Fit(Math.hypot(a, b), Math.atan2(b, a), residual);
    }
  }
}
