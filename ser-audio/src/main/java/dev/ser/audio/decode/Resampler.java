package dev.ser.audio.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Resamples mono float32 with FFmpeg's libswresample (windowed-sinc polyphase filter, its default
 * Kaiser window, with a longer filter than the default for a flatter pass band). The output is
 * aligned with the input (swresample compensates its filter delay) and, like {@code
 * librosa.resample}, has exactly {@code ceil(n * outRate / inRate)} samples.
 *
 * <p>librosa resamples with soxr's "HQ" filter instead, so resampled audio lands close to, not
 * equal to, librosa's; the decoder tests measure how close.
 */
final class Resampler {
  /** Taps per phase; swresample's default is 32. */
  private static final int FILTER_SIZE = 64;

  private Resampler() {}

  static float[] resample(float[] input, int inRate, int outRate) {
    if (inRate == outRate) {
      return input;
    }
    int expected = (int) Math.ceil((double) input.length * outRate / inRate);
    SwrContext swr = open(inRate, outRate);
    try (FloatPointer in = new FloatPointer(input);
        FloatPointer out = new FloatPointer(Math.max(1, expected) + 1024L);
        PointerPointer<FloatPointer> inPlanes = new PointerPointer<>(new FloatPointer[] {in});
        PointerPointer<FloatPointer> outPlanes = new PointerPointer<>(new FloatPointer[] {out})) {
      int capacity = (int) out.capacity();
      int written = swresample.swr_convert(swr, outPlanes, capacity, inPlanes, input.length);
      check(written, "swr_convert");
      float[] result = new float[expected];
      int produced = Math.min(written, expected);
      out.get(result, 0, produced);
      while (produced < expected) {
        out.position(0);
        int flushed = swresample.swr_convert(swr, outPlanes, capacity, null, 0);
        check(flushed, "swr_convert (flush)");
        if (flushed == 0) {
          break;
        }
        int take = Math.min(flushed, expected - produced);
        out.get(result, produced, take);
        produced += take;
      }
      return result;
    } finally {
      swresample.swr_free(swr);
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
    }
    check(avutil.av_opt_set_int(swr, "filter_size", FILTER_SIZE, 0), "filter_size");
    check(swresample.swr_init(swr), "swr_init");
    return swr;
  }

  private static void check(int status, String call) {
    if (status < 0) {
      throw new IllegalStateException(call + " failed with FFmpeg error " + status);
    }
  }
}
