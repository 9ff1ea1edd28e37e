package dev.ser.domain.emotion;

import java.util.List;
import java.util.Objects;

/**
 * What the model says about one clip: the scores, the top emotion, the speech segments it was read
 * in, and the timeline of windows for audio longer than one window (empty otherwise).
 *
 * @param scores clip-level probabilities: the mean of the segments' scores weighted by their
 *     length, so pauses and non-speech count for nothing
 * @param modelVersion the version from the model card of the model that produced it
 * @param durationSeconds the analysed audio's duration
 * @param timeline per-window scores in time order; empty for a clip of one window
 * @param segments the contiguous stretches of speech in time order, each with its own scores
 *     (pauses split them, long ones are cut at about 10 s); empty where unknown, and when the
 *     channels were analysed separately (each channel has its own)
 * @param channels with channels analysed separately, one result per source channel, and {@link
 *     #scores()} the mean of all their segments weighted by length; empty when mixed
 */
public record Prediction(
    EmotionScores scores,
    String modelVersion,
    double durationSeconds,
    List<TimelineSegment> timeline,
    List<TimelineSegment> segments,
    List<ChannelPrediction> channels) {

  /** Below this the top emotion is a guess; pages and API say so. */
  public static final double LOW_CONFIDENCE = 0.5;

  public Prediction {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(modelVersion, "modelVersion");
    if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
      throw new IllegalArgumentException("duration must be positive: " + durationSeconds);
    }
    timeline = List.copyOf(timeline);
    segments = List.copyOf(segments);
    channels = List.copyOf(channels);
  }

  /** Of mixed audio: no separate channels. */
  public Prediction(
      EmotionScores scores,
      String modelVersion,
      double durationSeconds,
      List<TimelineSegment> timeline,
      List<TimelineSegment> segments) {
    this(scores, modelVersion, durationSeconds, timeline, segments, List.of());
  }

  /** Without speech segments, for predictions made before they were found. */
  public Prediction(
      EmotionScores scores,
      String modelVersion,
      double durationSeconds,
      List<TimelineSegment> timeline) {
    this(scores, modelVersion, durationSeconds, timeline, List.of(), List.of());
  }

  /**
   * Channels analysed separately, summed up as one: the mean of every channel's segments weighted
   * by their length.
   *
   * @throws IllegalArgumentException if no channel holds speech
   */
  public static Prediction ofChannels(
      List<ChannelPrediction> channels, String modelVersion, double durationSeconds) {
    if (channels.stream().allMatch(channel -> channel.scores().isEmpty())) {
      throw new IllegalArgumentException("no channel holds speech");
    }
    return new Prediction(
        TimelineSegment.lengthWeighted(
            channels.stream().flatMap(channel -> channel.segments().stream()).toList()),
        modelVersion,
        durationSeconds,
        List.of(),
        List.of(),
        channels);
  }

  /** Whether the channels were analysed separately. */
  public boolean hasChannels() {
    return !channels.isEmpty();
  }

  public Emotion emotion() {
    return scores.top();
  }

  /** The probability of the top emotion. */
  public double confidence() {
    return scores.of(emotion());
  }

  public boolean isLowConfidence() {
    return confidence() < LOW_CONFIDENCE;
  }
}
