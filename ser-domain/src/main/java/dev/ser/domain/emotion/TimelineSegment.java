package dev.ser.domain.emotion;

import java.util.Objects;

/**
 * The model's scores for a stretch of a recording, in seconds from its start: one window of the
 * timeline, or one segment of speech.
 */
public record TimelineSegment(double startSeconds, double endSeconds, EmotionScores scores) {
  public TimelineSegment {
    Objects.requireNonNull(scores, "scores");
    if (startSeconds < 0 || !(endSeconds > startSeconds)) {
      throw new IllegalArgumentException(
          "segment must satisfy 0 <= start < end: " + startSeconds + ".." + endSeconds);
    }
  }

  public Emotion emotion() {
    return scores.top();
  }

  public double seconds() {
    return endSeconds - startSeconds;
  }
}
