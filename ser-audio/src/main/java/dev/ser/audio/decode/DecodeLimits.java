package dev.ser.audio.decode;

import dev.ser.audio.AudioException;
import java.util.Locale;

/**
 * How long decoded audio may be, and how long decoding it may take. The maximum duration guards the
 * server: decoding stops as soon as it is passed, so a small file that expands to hours of audio (a
 * "decompression bomb") costs no more than a clip at the limit. The minimum is the shortest clip
 * the analysis can use. The decode-time budget guards it against input that is short but slow to
 * decode (a damaged stream that makes FFmpeg resynchronise frame after frame): a decode may take
 * {@code maxDecodeSeconds} plus one second per {@code minDecodeSpeed} (100) seconds of audio it has
 * produced, so an hour-long call (decoded here at several hundred times real time) gets the time it
 * needs while a damaged stream that yields little audio is stopped as early as before.
 *
 * @param minSeconds shorter audio is rejected ({@link dev.ser.audio.AudioTooShortException}); 0
 *     accepts any clip with at least one sample
 * @param maxSeconds longer audio is rejected ({@link dev.ser.audio.AudioTooLongException})
 * @param maxDecodeSeconds wall-clock seconds one FFmpeg decode may take, besides the time its
 *     audio's length earns; past it the decode stops with code {@value #TOO_COMPLEX}
 * @param minDecodeSpeed seconds of audio per second of decoding that earn more time: one second per
 *     this many seconds of audio decoded
 */
public record DecodeLimits(
    double minSeconds, double maxSeconds, double maxDecodeSeconds, double minDecodeSpeed) {

  /** The {@link AudioException#code()} of a decode stopped by {@link #maxDecodeSeconds()}. */
  public static final String TOO_COMPLEX = "audio_too_complex";

  /**
   * Audio decodes at several hundred times real time here; a stream slower than this, once past the
   * fixed budget, is damaged.
   */
  public static final double DEFAULT_MIN_DECODE_SPEED = 100;

  /** Five minutes of audio decode in well under a second; two seconds is a damaged stream. */
  public static final double DEFAULT_MAX_DECODE_SECONDS = 2;

  /** Five minutes at most, half a second at least, two seconds of decoding. */
  public static final DecodeLimits DEFAULT = new DecodeLimits(0.5, 300);

  public DecodeLimits {
    if (!(minSeconds >= 0 && Double.isFinite(minSeconds))) {
      throw new IllegalArgumentException("minSeconds must be a finite number >= 0: " + minSeconds);
    }
    if (!(maxSeconds > minSeconds && Double.isFinite(maxSeconds))) {
      throw new IllegalArgumentException(
          "maxSeconds must be finite and above minSeconds: " + maxSeconds);
    }
    if (!(maxDecodeSeconds > 0 && Double.isFinite(maxDecodeSeconds))) {
      throw new IllegalArgumentException(
          "maxDecodeSeconds must be a finite number > 0: " + maxDecodeSeconds);
    }
    if (!(minDecodeSpeed > 0)) {
      throw new IllegalArgumentException("minDecodeSpeed must be > 0: " + minDecodeSpeed);
    }
  }

  /** Limits with the default speed that earns more decoding time. */
  public DecodeLimits(double minSeconds, double maxSeconds, double maxDecodeSeconds) {
    this(minSeconds, maxSeconds, maxDecodeSeconds, DEFAULT_MIN_DECODE_SPEED);
  }

  /** Limits on duration with the default decode-time budget. */
  public DecodeLimits(double minSeconds, double maxSeconds) {
    this(minSeconds, maxSeconds, DEFAULT_MAX_DECODE_SECONDS);
  }

  /** The same duration limits with another decode-time budget. */
  public DecodeLimits withMaxDecodeSeconds(double seconds) {
    return new DecodeLimits(minSeconds, maxSeconds, seconds, minDecodeSpeed);
  }

  /** The same limits where decoded audio earns time at another speed. */
  public DecodeLimits withMinDecodeSpeed(double speed) {
    return new DecodeLimits(minSeconds, maxSeconds, maxDecodeSeconds, speed);
  }

  /** The most sample frames allowed at {@code sampleRate}. */
  long maxFrames(int sampleRate) {
    return (long) Math.floor(maxSeconds * sampleRate);
  }

  /** The time budget of a decode starting now. */
  Budget decodeBudget() {
    return new Budget(this, System.nanoTime());
  }

  /**
   * The clock of one decode, started when it began; time the decoded audio spends in the sink (the
   * analysis of a long recording) is not the decoder's and does not count.
   */
  static final class Budget {
    private final DecodeLimits limits;
    private final long start;
    private long elsewhere;

    private Budget(DecodeLimits limits, long start) {
      this.limits = limits;
      this.start = start;
    }

    /**
     * Throws {@value #TOO_COMPLEX} once the decode has run longer than {@link #maxDecodeSeconds()}
     * plus {@code audioSeconds / minDecodeSpeed()}.
     */
    void require(double audioSeconds) {
      double allowed = limits.maxDecodeSeconds() + audioSeconds / limits.minDecodeSpeed();
      if ((System.nanoTime() - start - elsewhere) / 1e9 > allowed) {
        throw limits.tooComplex();
      }
    }

    /** Runs {@code work} (handing audio on) off the decoder's clock. */
    void offTheClock(Runnable work) {
      long before = System.nanoTime();
      try {
        work.run();
      } finally {
        elsewhere += System.nanoTime() - before;
      }
    }
  }

  private AudioException tooComplex() {
    return new AudioException(
        TOO_COMPLEX,
        String.format(
            Locale.ROOT,
            "Decoding this audio took longer than the %s s limit: the file is damaged or"
                + " unusually complex. Export it again as WAV or MP3.",
            maxDecodeSeconds == Math.rint(maxDecodeSeconds)
                ? String.valueOf((long) maxDecodeSeconds)
                : String.valueOf(maxDecodeSeconds)));
  }
}
