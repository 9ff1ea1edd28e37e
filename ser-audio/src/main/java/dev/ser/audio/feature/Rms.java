package dev.ser.audio.feature;

/**
 * {@code librosa.feature.rms(y=y, frame_length, hop_length, center, pad_mode="constant")}: the root
 * of the mean square of each frame of the signal, no window. Output {@code [frames]}, in sample
 * units.
 *
 * <p>With {@code center} the signal is padded by {@code frame_length / 2} zeros on each side, and
 * the mean is still over {@code frame_length} samples. Squares are summed in double precision over
 * blocks of {@code gcd(hop_length, frame_length)} samples, then each frame adds its blocks: no
 * running-sum cancellation, and work independent of the overlap. Immutable and thread-safe.
 */
public final class Rms {
  private final int frameLength;
  private final int hopLength;
  private final boolean center;
  private final int block;

  /**
   * @param frameLength {@code frame_length}, samples per frame
   * @param hopLength {@code hop_length}, samples between frame starts
   * @param center {@code center}: frame {@code t} centred on sample {@code t * hop_length}
   */
  public Rms(int frameLength, int hopLength, boolean center) {
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

  /** The RMS of each frame of {@code y}, {@code [frames]}. */
  public float[] apply(float[] y) {
    int frames = frames(y.length);
    int pad = center ? frameLength / 2 : 0;
    int blocksPerFrame = frameLength / block;
    int blocksPerHop = hopLength / block;
    // Block b covers padded samples [b * block, (b + 1) * block); padded index p is y[p - pad].
    int blocks = (frames - 1) * blocksPerHop + blocksPerFrame;
    double[] sums = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      int from = Math.max(0, b * block - pad);
      int to = Math.min(y.length, (b + 1) * block - pad);
      double sum = 0;
      for (int i = from; i < to; i++) {
        double v = y[i];
        sum += v * v;
      }
      sums[b] = sum;
    }
    float[] rms = new float[frames];
    for (int t = 0; t < frames; t++) {
      int first = t * blocksPerHop;
      double sum = 0;
      for (int b = first; b < first + blocksPerFrame; b++) {
        sum += sums[b];
      }
      rms[t] = (float) Math.sqrt(sum / frameLength);
    }
    return rms;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
