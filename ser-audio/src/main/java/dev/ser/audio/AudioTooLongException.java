package dev.ser.audio;

import java.util.Locale;

/**
 * Audio that decodes to more than the allowed duration. Decoding stops as soon as the limit is
 * passed, so {@link #decodedSeconds()} is how far it got, not the length of the whole file.
 */
public final class AudioTooLongException extends AudioException {
  private final double limitSeconds;
  private final double decodedSeconds;

  public AudioTooLongException(double limitSeconds, double decodedSeconds) {
    super(
        "audio_too_long",
        String.format(
            Locale.ROOT,
            "The audio is longer than the %s s limit: trim it, or send a shorter clip.",
            limitSeconds == Math.rint(limitSeconds)
                ? String.valueOf((long) limitSeconds)
                : String.valueOf(limitSeconds)));
    this.limitSeconds = limitSeconds;
    this.decodedSeconds = decodedSeconds;
  }

  public double limitSeconds() {
    return limitSeconds;
  }

  /** Seconds of audio decoded before decoding stopped; just over {@link #limitSeconds()}. */
  public double decodedSeconds() {
    return decodedSeconds;
  }
}
