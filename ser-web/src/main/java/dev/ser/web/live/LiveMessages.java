package dev.ser.web.live;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.inference.LiveUpdate;
import dev.ser.web.error.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/** The server's text frames of the live protocol (docs/live.md), as JSON. */
final class LiveMessages {
  private LiveMessages() {}

  /**
   * {@code {"t": 12.0, "speech": true, "emotion": .., "confidence": .., "probabilities": {..}}}.
   */
  static String update(LiveUpdate update) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("t", update.seconds()).add("speech", update.speech());
    update.scores().ifPresent(scores -> addScores(json, scores));
    return json.build().toString();
  }

  /**
   * {@code {"final": true, "emotion": .., "confidence": .., "lowConfidence": .., "probabilities":
   * {..}, "durationSeconds": .., "modelVersion": .., "segments": [..], "id": ..}}; the id only when
   * the recording was kept.
   */
  static String result(Prediction prediction, Optional<String> id) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("final", true);
    addScores(json, prediction.scores());
    json.add("lowConfidence", prediction.isLowConfidence())
        .add("durationSeconds", prediction.durationSeconds())
        .add("modelVersion", prediction.modelVersion())
        .add("segments", segments(prediction.segments()));
    id.ifPresent(value -> json.add("id", value));
    return json.build().toString();
  }

  /** {@code {"error": code, "message": ..}}. */
  static String error(Problem problem) {
    return Json.createObjectBuilder()
        .add("error", problem.code())
        .add("message", problem.message() == null ? problem.code() : problem.message())
        .build()
        .toString();
  }

  private static void addScores(JsonObjectBuilder json, EmotionScores scores) {
    Emotion top = scores.top();
    JsonObjectBuilder probabilities = Json.createObjectBuilder();
    for (Emotion emotion : Emotion.values()) {
      probabilities.add(emotion.label(), scores.of(emotion));
    }
    json.add("emotion", top.label())
        .add("confidence", scores.of(top))
        .add("probabilities", probabilities);
  }

  private static JsonArrayBuilder segments(List<TimelineSegment> segments) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (TimelineSegment segment : segments) {
      JsonObjectBuilder json =
          Json.createObjectBuilder()
              .add("start", segment.startSeconds())
              .add("end", segment.endSeconds());
      addScores(json, segment.scores());
      array.add(json);
    }
    return array;
  }
}
