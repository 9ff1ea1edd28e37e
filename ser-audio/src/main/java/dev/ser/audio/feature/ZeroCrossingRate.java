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

  private final int frameLength;
  private final int hopLength;
  private final boolean center;
  private final int block;

  /**
   * @param frameLength {@code frame_length}, samples per frame
   * @param hopLength {@code hop_length}, samples between frame starts
   * @param center {@code center}: frame {@code t} centred on sample {@code t * hop_length}
   */
  public ZeroCrossingRate(int frameLength, int hopLength, boolean center) {
    if (frameLength < 1 || hopLength < 1) {
      throw new IllegalArgumentException("frame_length and hop_length must be positive");
    }
    this.frameLength = frameLength;
    this.hopLength = hopLength;
    this.center = center;
    this.block = gcd(frameLength, hopLength);
  }

  public int frameLength() {
    return frameLength;
  }

  public int hopLength() {
    return hopLength;
  }

  public boolean center() {
    return center;
  }

  /** Frames librosa returns for {@code samples} samples. */
  public int frames(int samples) {
    int padded = center ? samples + 2 * (frameLength / 2) : samples;
    if (samples < 1 || padded < frameLength) {
      throw new IllegalArgumentException(
          "need at least " + (center ? 1 : frameLength) + " samples for one frame, got " + samples);
    }
    return 1 + (padded - frameLength) / hopLength;
  }

  /** The zero-crossing rate of each frame of {@code y}, {@code [frames]}. */
  public float[] apply(float[] y) {
    int frames = frames(y.length);
    int pad = center ? frameLength / 2 : 0;
    // Crossing i (padded index): y[i - 1] and y[i] differ in sign. Frame t holds crossings
    // t * hop + 1 .. t * hop + frame_length - 1, so blocks of gcd(hop, frame_length) crossings are
    // counted once and each frame adds its blocks, less the crossing at its own first sample.
    int blocksPerFrame = frameLength / block;
    int blocksPerHop = hopLength / block;
    int blocks = (frames - 1) * blocksPerHop + blocksPerFrame;
    int[] counts = new int[blocks];
    for (int b = 0; b < blocks; b++) {
      int from = Math.max(1, b * block - pad);
      int to = Math.min(y.length, (b + 1) * block - pad);
      int count = 0;
      for (int i = from; i < to; i++) {
        count += crossing(y[i - 1], y[i]);
      }
      counts[b] = count;
    }
    float[] zcr = new float[frames];
    for (int t = 0; t < frames; t++) {
      int firstBlock = t * blocksPerHop;
      int count = 0;
      for (int b = firstBlock; b < firstBlock + blocksPerFrame; b++) {
        count += counts[b];
      }
      int start = t * hopLength - pad;
      if (start >= 1 && start < y.length) {
        count -= crossing(y[start - 1], y[start]);
      }
      zcr[t] = (float) ((double) count / frameLength);
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

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
