package dev.ser.domain.emotion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One channel of a multi-channel recording analysed on its own, e.g. the agent on the left and the
 * customer on the right of a call.
 *
 * @param channel the source channel, from 0
 * @param scores the channel's speech-weighted scores; empty when the channel holds too little
 *     speech (a listener who never speaks, a silent track)
 * @param segments its stretches of speech in time order, each with its scores
 * @param timeline its per-window scores; empty for a channel of one window
 */
public record ChannelPrediction(
    int channel,
    Optional<EmotionScores> scores,
    List<TimelineSegment> segments,
    List<TimelineSegment> timeline) {

  public ChannelPrediction {
    if (channel < 0) {
      throw new IllegalArgumentException("channel must be >= 0: " + channel);
    }
    Objects.requireNonNull(scores, "scores");
    segments = List.copyOf(segments);
    timeline = List.copyOf(timeline);
  }

  /** A channel with too little speech to name an emotion. */
  public static ChannelPrediction withoutSpeech(int channel) {
    return new ChannelPrediction(channel, Optional.empty(), List.of(), List.of());
  }

  /** Seconds of speech in the channel: the sum of its segments. */
  public double speechSeconds() {
    return segments.stream().mapToDouble(TimelineSegment::seconds).sum();
  }
}
