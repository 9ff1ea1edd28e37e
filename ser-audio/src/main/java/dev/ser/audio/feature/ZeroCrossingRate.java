package dev.ser.audio.feature;

/**
 * {@code librosa.feature.zero_crossing_rate(y, frame_length, hop_length, center)} with librosa's
 * defaults for {@code librosa.zero_crossings}: {@code threshold=1e-10} (smaller magnitudes count as
 * 0), {@code zero_pos=True} (0 is positive), {@code pad=False}. Output {@code [frames]}: the number
 * of sign changes between neighbouring samples of each frame divided by {@code frame_length}, so at
 * most {@code (frame_length - 1) / frame_length}.
 *
 * <p>With {@code center} the signal is padded by {@code frame_length / 2} copies of its edge
 * samples ({@code np.pad(mode="edge")}), which adds no crossings. Counts come from one prefix sum
 * over the signal, so the cost does not grow with {@code frame_length}. Immutable and thread-safe.
 */
public final class ZeroCrossingRate {
  /** {@code librosa.zero_crossings(threshold=1e-10)}, compared in float32 like numpy does. */
  private static final float THRESHOLD = 1e-10f;

  private final int frameLength;
  private final int hopLength;
  private final boolean center;

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
    // crossings[i]: sign changes between y[j - 1] and y[j] for 1 <= j <= i.
    int[] crossings = new int[y.length];
    boolean previous = negative(y[0]);
    for (int i = 1; i < y.length; i++) {
      boolean current = negative(y[i]);
      crossings[i] = crossings[i - 1] + (current != previous ? 1 : 0);
      previous = current;
    }
    int pad = center ? frameLength / 2 : 0;
    int last = y.length - 1;
    float[] zcr = new float[frames];
    for (int t = 0; t < frames; t++) {
      int first = t * hopLength - pad;
      int end = first + frameLength - 1;
      int count =
          crossings[Math.min(last, Math.max(0, end))]
              - crossings[Math.min(last, Math.max(0, first))];
      zcr[t] = (float) ((double) count / frameLength);
    }
    return zcr;
  }

  private static boolean negative(float sample) {
    return sample < -THRESHOLD;
  }
}
