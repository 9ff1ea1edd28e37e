package dev.ser.audio.decode;

import dev.ser.audio.UnsupportedAudioException;
import java.util.Arrays;

/**
 * Resamples mono float32 as {@code librosa.resample(y, orig_sr=inRate, target_sr=outRate,
 * res_type="polyphase")} does, which {@code librosa.load(path, sr=16000, mono=True,
 * res_type="polyphase")} calls after averaging the channels: {@code scipy.signal.resample_poly(y,
 * up, down)} with {@code up / down = outRate / inRate} in lowest terms ({@link PolyphaseFilter}),
 * zeros beyond both ends, then {@code librosa.util.fix_length} to {@code ceil(n * (outRate /
 * inRate))} samples. At equal rates samples pass through untouched.
 *
 * <p>It streams: each output sample is computed as soon as the input it reads has been pushed, and
 * only the last {@link PolyphaseFilter#span()} input samples (56 at 44.1 kHz) are kept beyond the
 * current chunk, so a long source is never held at its own rate. The output does not depend on how
 * the input is cut into chunks.
 *
 * <p>The filter has {@code 20 * max(up, down) + 1} taps. Standard rates need at most 640/441
 * (11.025 kHz, 12,801 taps) and NTSC video's 44.056 kHz 2000/5507, but an odd or damaged header can
 * need millions: 383,999 Hz is 16000/383999, 7.7 million taps (61 MB of doubles), which scipy would
 * build for every such file. A ratio with a term above {@value #MAX_FACTOR} is therefore replaced
 * by the nearest fraction whose terms fit, as if the source were at the rate that fraction implies:
 * 44,101 Hz becomes 1703/4694 instead of 16000/44101, 0.04 ppm off, and the filter stays under 1.3
 * MB.
 *
 * <p>Its output goes to a {@link SampleSink} as it is computed, under one channel number. One
 * instance serves one stream on one thread.
 */
final class Resampler {
  /** Below any real recording (telephone audio is 8 kHz). */
  static final int MIN_SAMPLE_RATE = 1_000;

  /**
   * Studio audio goes to 384 kHz; a header claiming more is damaged, and would stall the filter.
   */
  static final int MAX_SAMPLE_RATE = 384_000;

  /** The largest {@code up} or {@code down} used exactly; see the class comment. */
  static final int MAX_FACTOR = 8_000;

  private final int inRate;
  private final int outRate;
  private final PolyphaseFilter filter;
  private final SampleSink output;
  private final int channel;
  private long inputFrames;
  private long outputFrames;

  /** Input samples {@code start .. start + buffered - 1}; those before 0 are the leading zeros. */
  private float[] input;

  private long start;
  private int buffered;

  /** Index of the next output sample. */
  private long next;

  /** Sends channel {@code channel}'s output at {@code outRate} to {@code output}. */
  Resampler(int inRate, int outRate, int channel, SampleSink output) {
    requireSupportedRate(inRate);
    this.inRate = inRate;
    this.outRate = outRate;
    this.channel = channel;
    this.output = output;
    this.filter = inRate == outRate ? null : filter(inRate, outRate);
    if (filter != null) {
      buffered = filter.span() - 1;
      start = -buffered;
      input = new float[buffered + 4096];
    }
  }

  /**
   * @throws UnsupportedAudioException if {@code sampleRate} is outside [{@value #MIN_SAMPLE_RATE},
   *     {@value #MAX_SAMPLE_RATE}] Hz
   */
  static void requireSupportedRate(int sampleRate) {
    if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
      throw new UnsupportedAudioException(
          "The audio says its sample rate is "
              + sampleRate
              + " Hz, outside 1 kHz to 384 kHz; the file is probably damaged");
    }
  }

  /** Input frames pushed so far. */
  long inputFrames() {
    return inputFrames;
  }

  /** Feeds the first {@code length} samples of {@code chunk}. */
  void push(float[] chunk, int length) {
    inputFrames += length;
    if (filter == null) {
      send(chunk, length);
      return;
    }
    buffer(chunk, length);
    emit(Long.MAX_VALUE);
  }

  /**
   * Sends the rest of the output: the samples that read past the end of the input (as zeros), then
   * zeros up to librosa's length if the filter gave fewer.
   */
  void finish() {
    long length = (long) Math.ceil(inputFrames * ((double) outRate / inRate));
    if (filter != null && inputFrames > 0) {
      long total = filter.outputLength(inputFrames);
      long zeros = filter.newestInput(total - 1) - (start + buffered - 1);
      if (zeros > 0) {
        buffer(null, (int) zeros);
      }
      emit(Math.min(total, length));
    }
    if (outputFrames < length) {
      send(new float[(int) (length - outputFrames)], (int) (length - outputFrames));
    }
  }

  private void send(float[] samples, int length) {
    outputFrames += length;
    output.accept(channel, samples, length);
  }

  /** Appends {@code length} samples of {@code chunk}, or zeros if it is null. */
  private void buffer(float[] chunk, int length) {
    if (buffered + length > input.length) {
      long oldestNeeded = filter.newestInput(next) - filter.span() + 1;
      int drop = (int) Math.min(buffered, Math.max(0, oldestNeeded - start));
      System.arraycopy(input, drop, input, 0, buffered - drop);
      start += drop;
      buffered -= drop;
      if (buffered + length > input.length) {
        input = Arrays.copyOf(input, Math.max(buffered + length, 2 * input.length));
      }
    }
    if (chunk == null) {
      Arrays.fill(input, buffered, buffered + length, 0f);
    } else {
      System.arraycopy(chunk, 0, input, buffered, length);
    }
    buffered += length;
  }

  /** Computes every output before {@code limit} whose input is buffered. */
  private void emit(long limit) {
    long end = Math.min(limit, filter.outputsReadable(start + buffered - 1));
    if (end <= next) {
      return;
    }
    float[] samples = new float[(int) (end - next)];
    for (int i = 0; i < samples.length; i++, next++) {
      samples[i] = filter.apply(next, input, (int) (filter.newestInput(next) - start));
    }
    send(samples, samples.length);
  }

  /** The filter for {@code outRate / inRate} in lowest terms, or the nearest that fits. */
  private static PolyphaseFilter filter(int inRate, int outRate) {
    int gcd = gcd(inRate, outRate);
    int up = outRate / gcd;
    int down = inRate / gcd;
    if (Math.max(up, down) <= MAX_FACTOR) {
      return new PolyphaseFilter(up, down);
    }
    long bestError = Long.MAX_VALUE;
    long bestDown = 1;
    for (int d = 1; d <= MAX_FACTOR; d++) {
      long u = Math.max(1, Math.min(MAX_FACTOR, Math.round((double) d * outRate / inRate)));
      // |u/d - outRate/inRate| = error / (d * inRate); compared across d by cross-multiplying.
      long error = Math.abs(u * inRate - (long) outRate * d);
      if (bestError == Long.MAX_VALUE || error * bestDown < bestError * d) {
        bestError = error;
        bestDown = d;
        up = (int) u;
        down = d;
      }
    }
    return new PolyphaseFilter(up, down);
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
