package dev.ser.audio;

import java.util.Locale;

/** Audio shorter than the shortest clip the analysis can use. */
public final class AudioTooShortException extends AudioException {
  private final double durationSeconds;
  private final double minimumSeconds;

  public AudioTooShortException(double durationSeconds, double minimumSeconds) {
    super(
        "audio_too_short",
        String.format(
            Locale.ROOT,
            "The audio lasts %.2f s, but at least %.2f s is needed: record a longer clip.",
            durationSeconds,
            minimumSeconds));
    this.durationSeconds = durationSeconds;
    this.minimumSeconds = minimumSeconds;
  }

  public double durationSeconds() {
    return durationSeconds;
  }

  public double minimumSeconds() {
    return minimumSeconds;
  }
}
