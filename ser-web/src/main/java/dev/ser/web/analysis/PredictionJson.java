package dev.ser.web.analysis;

import dev.ser.domain.emotion.ChannelPrediction;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.domain.recording.AnalysedRecording;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prediction as the API returns it.
 *
 * @param id the recording's id, for {@code GET /api/v1/predictions/{id}}
 * @param emotion the most probable emotion's label
 * @param confidence its probability
 * @param lowConfidence whether the confidence is below {@link Prediction#LOW_CONFIDENCE}, i.e. a
 *     guess
 * @param probabilities label to probability, all six, in model order
 * @param durationSeconds the analysed audio's length
 * @param modelVersion the model that made it
 * @param source {@code upload}, {@code record}, {@code sample} or {@code live}
 * @param filename the uploaded file's name as the client sent it; null when none was sent
 * @param createdAt ISO-8601 instant
 * @param timeline per-window results for audio longer than one window, else empty
 * @param segments the stretches of speech (pauses and non-speech left out), each with its own
 *     result; the clip's probabilities are their mean weighted by length
 * @param channels with {@code channels=separate}, one result per source channel (the top-level
 *     segments and timeline are then empty, and the probabilities the mean of all channels'
 *     segments); else empty
 */
public record PredictionJson(
    String id,
    String emotion,
    double confidence,
    boolean lowConfidence,
    Map<String, Double> probabilities,
    double durationSeconds,
    String modelVersion,
    String source,
    String filename,
    String createdAt,
    List<Segment> timeline,
    List<Segment> segments,
    List<Channel> channels) {

  /**
   * One channel analysed on its own; {@code speech} false (and emotion, confidence and
   * probabilities null) when it holds too little speech.
   */
  public record Channel(
      int channel,
      boolean speech,
      String emotion,
      Double confidence,
      Map<String, Double> probabilities,
      List<Segment> segments,
      List<Segment> timeline) {
    static Channel of(ChannelPrediction channel) {
      return new Channel(
          channel.channel(),
          channel.scores().isPresent(),
          channel.scores().map(s -> s.top().label()).orElse(null),
          channel.scores().map(s -> s.of(s.top())).orElse(null),
          channel.scores().map(PredictionJson::byLabel).orElse(null),
          channel.segments().stream().map(Segment::of).toList(),
          channel.timeline().stream().map(Segment::of).toList());
    }
  }

  /** One window of the timeline, or one segment of speech, in seconds from the start. */
  public record Segment(
      double start,
      double end,
      String emotion,
      double confidence,
      Map<String, Double> probabilities) {
    static Segment of(TimelineSegment segment) {
      return new Segment(
          segment.startSeconds(),
          segment.endSeconds(),
          segment.emotion().label(),
          segment.scores().of(segment.emotion()),
          byLabel(segment.scores()));
    }
  }

  public static PredictionJson of(AnalysedRecording analysed) {
    Prediction prediction = analysed.prediction();
    return new PredictionJson(
        analysed.id().toString(),
        prediction.emotion().label(),
        prediction.confidence(),
        prediction.isLowConfidence(),
        byLabel(prediction.scores()),
        prediction.durationSeconds(),
        prediction.modelVersion(),
        analysed.recording().source().label(),
        analysed.recording().originalFilename().orElse(null),
        analysed.recording().createdAt().toString(),
        prediction.timeline().stream().map(Segment::of).toList(),
        prediction.segments().stream().map(Segment::of).toList(),
        prediction.channels().stream().map(Channel::of).toList());
  }

  static Map<String, Double> byLabel(EmotionScores scores) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (Emotion emotion : Emotion.values()) {
      map.put(emotion.label(), scores.of(emotion));
    }
    return map;
  }
}
