package dev.ser.audio.decode;

/**
 * How long decoded audio may be. The maximum guards the server: decoding stops as soon as it is
 * passed, so a small file that expands to hours of audio (a "decompression bomb") costs no more
 * than a clip at the limit. The minimum is the shortest clip the analysis can use.
 *
 * @param minSeconds shorter audio is rejected ({@link dev.ser.audio.AudioTooShortException}); 0
 *     accepts any clip with at least one sample
 * @param maxSeconds longer audio is rejected ({@link dev.ser.audio.AudioTooLongException})
 */
public record DecodeLimits(double minSeconds, double maxSeconds) {

  /** Five minutes at most, half a second at least. */
  public static final DecodeLimits DEFAULT = new DecodeLimits(0.5, 300);

  public DecodeLimits {
    if (!(minSeconds >= 0 && Double.isFinite(minSeconds))) {
      throw new IllegalArgumentException("minSeconds must be a finite number >= 0: " + minSeconds);
    }
    if (!(maxSeconds > minSeconds && Double.isFinite(maxSeconds))) {
      throw new IllegalArgumentException(
          "maxSeconds must be finite and above minSeconds: " + maxSeconds);
    }
  }

  /** The most sample frames allowed at {@code sampleRate}. */
  long maxFrames(int sampleRate) {
    return (long) Math.floor(maxSeconds * sampleRate);
  }
}
