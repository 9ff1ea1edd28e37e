package dev.ser.audio.feature;

/**
 * librosa's framing for the time-domain features: frames of {@code frame_length} samples every
 * {@code hop_length}, with {@code center} padding the signal by {@code frame_length / 2} on each
 * side. Overlapping frames share work through blocks of {@code gcd(frame_length, hop_length)}
 * samples: a feature computes one value per block, then each frame adds the blocks it covers, so
 * the work does not grow with the overlap.
 */
record FrameGrid(int frameLength, int hopLength, boolean center) {

  FrameGrid {
    if (frameLength < 1 || hopLength < 1) {
      throw new IllegalArgumentException("frame_length and hop_length must be positive");
    }
  }

  /** Frames librosa returns for {@code samples} samples. */
  int frames(int samples) {
    int padded = samples + 2 * pad();
    if (samples < 1 || padded < frameLength) {
      throw new IllegalArgumentException(
          "need at least " + (center ? 1 : frameLength) + " samples for one frame, got " + samples);
    }
    return 1 + (padded - frameLength) / hopLength;
  }

  /** Samples of padding before the signal: padded index {@code p} is {@code y[p - pad()]}. */
  int pad() {
    return center ? frameLength / 2 : 0;
  }

  /**
   * Samples per block; block {@code b} covers padded samples {@code [b * block, (b + 1) * block)}.
   */
  int block() {
    return gcd(frameLength, hopLength);
  }

  /** Blocks that {@code frames} frames cover. */
  int blocks(int frames) {
    return (frames - 1) * (hopLength / block()) + frameLength / block();
  }

  /** For each of {@code frames} frames, the sum of the per-block values it covers. */
  double[] sumPerFrame(double[] perBlock, int frames) {
    int blocksPerFrame = frameLength / block();
    int blocksPerHop = hopLength / block();
    double[] sums = new double[frames];
    for (int t = 0; t < frames; t++) {
      int first = t * blocksPerHop;
      double sum = 0;
      for (int b = first; b < first + blocksPerFrame; b++) {
        sum += perBlock[b];
      }
      sums[t] = sum;
    }
    return sums;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
