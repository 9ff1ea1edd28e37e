package dev.ser.domain.emotion;

import java.util.Objects;

/** The model's scores for one window of a longer recording, in seconds from its start. */
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
}
