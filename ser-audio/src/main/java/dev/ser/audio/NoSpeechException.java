package dev.ser.audio;

import java.util.Locale;

/**
 * Audio with sound but too little speech in it: a tone, noise, music, or a few words too short to
 * judge. The emotion model only knows voices, so it is not asked.
 */
public final class NoSpeechException extends AudioException {
  private final double speechSeconds;

  public NoSpeechException(double speechSeconds, double minimumSeconds) {
    super(
        "no_speech",
        String.format(
            Locale.ROOT,
            "No speech found: the recording has %.1f s of speech, and at least %.1f s is needed"
                + " (tones, noise and music are not analysed). Record someone speaking and try"
                + " again.",
            speechSeconds,
            minimumSeconds));
    this.speechSeconds = speechSeconds;
  }

  public double speechSeconds() {
    return speechSeconds;
  }
}
