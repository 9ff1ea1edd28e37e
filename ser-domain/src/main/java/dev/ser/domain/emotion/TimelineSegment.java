package dev.ser.domain.emotion;

import java.util.Collection;
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

  /**
   * The scores of {@code segments} together: their mean weighted by each one's length, so a long
   * stretch of speech counts for more than a short one.
   *
   * @throws IllegalArgumentException without segments
   */
  public static EmotionScores lengthWeighted(Collection<TimelineSegment> segments) {
    double[] sum = new double[Emotion.count()];
    for (TimelineSegment segment : segments) {
      for (int c = 0; c < sum.length; c++) {
        sum[c] += segment.seconds() * segment.scores().probabilities()[c];
      }
    }
    return EmotionScores.normalised(sum);
  }
}
