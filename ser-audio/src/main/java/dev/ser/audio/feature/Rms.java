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
  private final FrameGrid grid;

  /**
   * @param frameLength {@code frame_length}, samples per frame
   * @param hopLength {@code hop_length}, samples between frame starts
   * @param center {@code center}: frame {@code t} centred on sample {@code t * hop_length}
   */
  public Rms(int frameLength, int hopLength, boolean center) {
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

  /** The RMS of each frame of {@code y}, {@code [frames]}. */
  public float[] apply(float[] y) {
    int frames = grid.frames(y.length);
    int pad = grid.pad();
    int block = grid.block();
    double[] squares = new double[grid.blocks(frames)];
    for (int b = 0; b < squares.length; b++) {
      int from = Math.max(0, b * block - pad);
      int to = Math.min(y.length, (b + 1) * block - pad);
      double sum = 0;
      for (int i = from; i < to; i++) {
        double v = y[i];
        sum += v * v;
      }
      squares[b] = sum;
    }
    double[] sums = grid.sumPerFrame(squares, frames);
    float[] rms = new float[frames];
    for (int t = 0; t < frames; t++) {
      rms[t] = (float) Math.sqrt(sums[t] / grid.frameLength());
    }
    return rms;
  }
}
