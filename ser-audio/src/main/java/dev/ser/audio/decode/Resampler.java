package dev.ser.audio.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import dev.ser.audio.UnsupportedAudioException;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Resamples mono float32 with FFmpeg's libswresample (windowed-sinc polyphase filter, its default
 * Kaiser window, with a longer filter than the default for a flatter pass band), chunk by chunk, so
 * a long source never has to be held at its own rate. The output is aligned with the input
 * (swresample compensates its filter delay) and, like {@code librosa.resample}, has exactly {@code
 * ceil(n * outRate / inRate)} samples. At equal rates samples pass through untouched.
 *
 * <p>librosa resamples with soxr's "HQ" filter instead, so resampled audio lands close to, not
 * equal to, librosa's; {@code ResampledParityTest} measures how close.
 *
 * <p>One instance serves one stream on one thread; {@link #close()} frees the native filter.
 */
final class Resampler implements AutoCloseable {
  /** Below any real recording (telephone audio is 8 kHz). */
  static final int MIN_SAMPLE_RATE = 1_000;

  /**
   * Studio audio goes to 384 kHz; a header claiming more is damaged, and would stall the filter.
   */
  static final int MAX_SAMPLE_RATE = 384_000;

  /** Taps per phase; swresample's default is 32. */
  private static final int FILTER_SIZE = 64;

  private final int inRate;
  private final int outRate;
  private final SwrContext swr;
  private final SampleBuffer output;
  private long inputFrames;
  private FloatPointer in;
  private FloatPointer out;

  Resampler(int inRate, int outRate) {
    requireSupportedRate(inRate);
    this.inRate = inRate;
    this.outRate = outRate;
    this.output = new SampleBuffer(outRate);
    this.swr = inRate == outRate ? null : open(inRate, outRate);
  }

  /** Resamples a whole signal at once. */
  static float[] resample(float[] input, int inRate, int outRate) {
    if (inRate == outRate) {
      return input;
    }
    try (Resampler resampler = new Resampler(inRate, outRate)) {
      resampler.push(input, input.length);
      return resampler.finish();
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
    if (swr == null) {
      output.append(chunk, length);
      return;
    }
    if (in == null || in.capacity() < length) {
      closePointer(in);
      in = new FloatPointer(Math.max(length, 4096));
    }
    in.position(0).put(chunk, 0, length);
    convert(in, length, swresample.swr_get_out_samples(swr, length));
  }

  /** The whole output: what is still in the filter, then cut or padded to librosa's length. */
  float[] finish() {
    long expected = (long) Math.ceil((double) inputFrames * outRate / inRate);
    int flushed = swr == null ? 0 : 1;
    while (flushed > 0 && output.size() < expected) {
      flushed = convert(null, 0, (int) (expected - output.size()));
    }
    return output.toArray((int) expected);
  }

  private int convert(FloatPointer input, int length, int outCapacity) {
    int capacity = Math.max(outCapacity, 1024);
    if (out == null || out.capacity() < capacity) {
      closePointer(out);
      out = new FloatPointer(capacity);
    }
    try (PointerPointer<FloatPointer> outPlanes = new PointerPointer<>(new FloatPointer[] {out});
        PointerPointer<FloatPointer> inPlanes =
            input == null ? null : new PointerPointer<>(new FloatPointer[] {input})) {
      int written = swresample.swr_convert(swr, outPlanes, (int) out.capacity(), inPlanes, length);
      check(written, "swr_convert");
      float[] converted = new float[written];
      out.position(0).get(converted, 0, written);
      output.append(converted, written);
      return written;
    }
  }

  @Override
  public void close() {
    if (swr != null) {
      swresample.swr_free(swr);
    }
    closePointer(in);
    closePointer(out);
  }

  private static void closePointer(FloatPointer pointer) {
    if (pointer != null) {
      pointer.close();
    }
  }

  private static SwrContext open(int inRate, int outRate) {
    SwrContext swr = new SwrContext(null);
    try (AVChannelLayout mono = new AVChannelLayout()) {
      avutil.av_channel_layout_default(mono, 1);
      check(
          swresample.swr_alloc_set_opts2(
              swr, mono, AV_SAMPLE_FMT_FLT, outRate, mono, AV_SAMPLE_FMT_FLT, inRate, 0, null),
          "swr_alloc_set_opts2");
      check(avutil.av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0), "filter_size");
      check(swresample.swr_init(swr), "swr_init");
      return swr;
    } catch (RuntimeException e) {
      swresample.swr_free(swr);
      throw e;
    }
  }

  private static void check(int status, String call) {
    if (status < 0) {
      throw new IllegalStateException(call + " failed with FFmpeg error " + status);
    }
  }
}
