package dev.ser.audio.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * Which frames of a recording are speech, as {@link SpeechDetector} found them.
 *
 * @param speech one flag per frame, frame {@code t} centred on {@code t * frameSeconds}
 * @param frameSeconds the frame hop, seconds
 * @param durationSeconds the recording's length, which bounds the last stretch
 */
public record SpeechActivity(boolean[] speech, double frameSeconds, double durationSeconds) {

  public SpeechActivity {
    speech = speech.clone();
    if (!(frameSeconds > 0)) {
      throw new IllegalArgumentException("frameSeconds must be positive");
    }
  }

  @Override
  public boolean[] speech() {
    return speech.clone();
  }

  /** Seconds of speech in the recording. */
  public double speechSeconds() {
    int count = 0;
    for (boolean frame : speech) {
      if (frame) {
        count++;
      }
    }
    return count * frameSeconds;
  }

  /**
   * The contiguous stretches of speech: pauses of at least {@code minPauseSeconds} split them (a
   * shorter one is a breath inside a phrase and stays in), and a stretch longer than {@code
   * maxSeconds} is cut into equal parts no longer than that.
   */
  public List<Stretch> stretches(double minPauseSeconds, double maxSeconds) {
    List<Stretch> merged = new ArrayList<>();
    int t = 0;
    while (t < speech.length) {
      if (!speech[t]) {
        t++;
        continue;
      }
      int from = t;
      while (t < speech.length && speech[t]) {
        t++;
      }
      Stretch stretch = new Stretch(bound(from - 0.5), bound(t - 0.5));
      if (!merged.isEmpty()
          && stretch.startSeconds() - merged.get(merged.size() - 1).endSeconds()
              < minPauseSeconds) {
        Stretch previous = merged.remove(merged.size() - 1);
        stretch = new Stretch(previous.startSeconds(), stretch.endSeconds());
      }
      merged.add(stretch);
    }
    List<Stretch> result = new ArrayList<>();
    for (Stretch stretch : merged) {
      int parts = (int) Math.ceil(stretch.seconds() / maxSeconds - 1e-9);
      double length = stretch.seconds() / parts;
      for (int p = 0; p < parts; p++) {
        double from = stretch.startSeconds() + p * length;
        result.add(new Stretch(from, p == parts - 1 ? stretch.endSeconds() : from + length));
      }
    }
    return result;
  }

  private double bound(double frame) {
    double seconds = frame * frameSeconds;
    return Math.max(0, Math.min(seconds, durationSeconds()));
  }

  /** A stretch of speech, seconds from the recording's start. */
  public record Stretch(double startSeconds, double endSeconds) {
    public Stretch {
      if (startSeconds < 0 || !(endSeconds > startSeconds)) {
        throw new IllegalArgumentException(
            "need 0 <= start < end: " + startSeconds + ".." + endSeconds);
      }
    }

    public double seconds() {
      return endSeconds - startSeconds;
    }
  }
}
