package dev.ser.audio.feature;

/**
 * {@code librosa.feature.zero_crossing_rate(y, frame_length, hop_length, center)} with librosa's
 * defaults for {@code librosa.zero_crossings}: {@code threshold=1e-10} (smaller magnitudes count as
 * 0), {@code zero_pos=True} (0 is positive), {@code pad=False}. Output {@code [frames]}: the number
 * of sign changes between neighbouring samples of each frame divided by {@code frame_length}, so at
 * most {@code (frame_length - 1) / frame_length}.
 *
 * <p>With {@code center} the signal is padded by {@code frame_length / 2} copies of its edge
 * samples ({@code np.pad(mode="edge")}), which adds no crossings. Each sample pair is looked at
 * once whatever the overlap of the frames. Immutable and thread-safe.
 */
public final class ZeroCrossingRate {
  /** {@code librosa.zero_crossings(threshold=1e-10)}, compared in float32 like numpy does. */
  private static final float THRESHOLD = 1e-10f;

  private final FrameGrid grid;

  /**
   * @param frameLength {@code frame_length}, samples per frame
   * @param hopLength {@code hop_length}, samples between frame starts
   * @param center {@code center}: frame {@code t} centred on sample {@code t * hop_length}
   */
  public ZeroCrossingRate(int frameLength, int hopLength, boolean center) {
    this.grid = new FrameGrid(frameLength, hopLength, center);
  }

  public int frameLength() {
    return grid.frameLength();
  }

  public int hopLength() {
    return grid.hopLength();
  }

  public boolean center() {
    return grid.center();
  }

  /** Frames librosa returns for {@code samples} samples. */
  public int frames(int samples) {
    return grid.frames(samples);
  }

  /** The zero-crossing rate of each frame of {@code y}, {@code [frames]}. */
  public float[] apply(float[] y) {
    int frames = grid.frames(y.length);
    int pad = grid.pad();
    int block = grid.block();
    // Crossing i (padded index): y[i - 1] and y[i] differ in sign. Frame t holds crossings
    // t * hop + 1 .. t * hop + frame_length - 1: each frame adds its blocks' counts, less the
    // crossing at its own first sample.
    double[] crossings = new double[grid.blocks(frames)];
    for (int b = 0; b < crossings.length; b++) {
      int from = Math.max(1, b * block - pad);
      int to = Math.min(y.length, (b + 1) * block - pad);
      int count = 0;
      for (int i = from; i < to; i++) {
        count += crossing(y[i - 1], y[i]);
      }
      crossings[b] = count;
    }
    double[] counts = grid.sumPerFrame(crossings, frames);
    float[] zcr = new float[frames];
    for (int t = 0; t < frames; t++) {
      double count = counts[t];
      int start = t * grid.hopLength() - pad;
      if (start >= 1 && start < y.length) {
        count -= crossing(y[start - 1], y[start]);
      }
      zcr[t] = (float) (count / grid.frameLength());
    }
    return zcr;
  }

  /**
   * 1 when {@code np.signbit} differs after librosa set magnitudes up to the threshold to +0, that
   * is when exactly one of the two is below {@code -threshold}. {@code x + threshold} is negative
   * exactly then (a non-zero exact sum of floats never rounds to zero, and {@code -threshold +
   * threshold} is +0), so the sign bits answer without a branch that speech or noise would
   * mispredict.
   */
  private static int crossing(float previous, float current) {
    return (Float.floatToRawIntBits(previous + THRESHOLD)
            ^ Float.floatToRawIntBits(current + THRESHOLD))
        >>> 31;
  }
}
